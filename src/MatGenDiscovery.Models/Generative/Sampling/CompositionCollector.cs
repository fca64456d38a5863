using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Validity;

namespace MatGenDiscovery.Models.Generative.Sampling;

/// <summary>
/// Deduplicates decoded samples by <see cref="CompositionKey"/>, counts how often each distinct composition is drawn
/// and where it first appears (0-based sample index, rejected samples included), and checks each new composition once
/// with the allocation-free SMACT span path. Not thread-safe: decode in parallel, then add in sample order.
/// </summary>
public sealed class CompositionCollector
{
    private static readonly SmactValidator Validator = new();

    private readonly Dictionary<CompositionKey, int> _indexOf = [];
    private readonly List<Composition> _unique = [];
    private readonly List<int> _counts = [];
    private readonly List<int> _firstIndices = [];

    public int Generated { get; private set; }

    public int Decoded { get; private set; }

    public int UniqueValid { get; private set; }

    /// <summary>Sample index of the first rejected sample, or -1 when every sample decoded.</summary>
    public int FirstRejectedIndex { get; private set; } = -1;

    /// <summary>Counts a sample that did not decode to an accepted composition.</summary>
    public void AddRejected()
    {
        if (FirstRejectedIndex < 0)
        {
            FirstRejectedIndex = Generated;
        }

        Generated++;
    }

    /// <summary>Adds a decoded integer composition given as atomic numbers and counts (any order).</summary>
    public void Add(ReadOnlySpan<int> atomicNumbers, ReadOnlySpan<int> counts)
    {
        var sampleIndex = Generated++;
        Decoded++;
        var key = CompositionKey.FromCounts(atomicNumbers, counts);
        if (_indexOf.TryGetValue(key, out var existing))
        {
            _counts[existing]++;
            return;
        }

        _indexOf.Add(key, _unique.Count);
        _counts.Add(1);
        _firstIndices.Add(sampleIndex);
        UniqueValid += Validator.Check(atomicNumbers, counts).ElectronegativityBalanced ? 1 : 0;
        var pairs = new (Element, int)[atomicNumbers.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (ElementTable.Default.ByAtomicNumber(atomicNumbers[i]), counts[i]);
        }

        _unique.Add(Composition.FromCounts(pairs).Reduced());
    }

    /// <summary>Adds a decoded composition, or a rejected sample when it is null.</summary>
    public void Add(Composition? composition)
    {
        if (composition is null || !composition.IsIntegral)
        {
            AddRejected();
            return;
        }

        var reduced = composition.ReducedCounts;
        Span<int> z = stackalloc int[composition.Arity];
        Span<int> n = stackalloc int[composition.Arity];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = composition.Elements[i].AtomicNumber;
            n[i] = reduced[i];
        }

        Add(z, n);
    }

    public GeneratedSet ToSet() =>
        new(Generated, Decoded, _unique.ToArray(), UniqueValid, _counts.ToArray(), _firstIndices.ToArray(), FirstRejectedIndex);
}
