using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Validity;

namespace MatGenDiscovery.Models.Generative.Sampling;

/// <summary>
/// Deduplicates decoded samples by <see cref="CompositionKey"/>, counts how often each distinct composition is drawn
/// and where it first appears (0-based sample index, rejected samples included). Adding stores only the key and the
/// first (Z, count) lists; <see cref="ToSet"/> builds the reduced compositions, their formulas and their SMACT checks
/// (allocation-free span path, on the counts first seen) in parallel, indexed by first appearance, so the result does
/// not depend on threading. Not thread-safe: decode in parallel, then add in sample order.
/// </summary>
public sealed class CompositionCollector
{
    private static readonly SmactValidator Validator = new();

    private readonly Dictionary<CompositionKey, int> _indexOf = [];
    private readonly List<int> _counts = [];
    private readonly List<int> _firstIndices = [];
    private readonly List<int> _atomicNumbers = [];
    private readonly List<int> _elementCounts = [];
    private readonly List<int> _offsets = [0];

    public int Generated { get; private set; }

    public int Decoded { get; private set; }

    /// <summary>Sample index of the first rejected sample, or -1 when every sample decoded.</summary>
    public int FirstRejectedIndex { get; private set; } = -1;

    /// <summary>Rejected samples that had more elements than the decoder accepts.</summary>
    public int OverMaxElements { get; private set; }

    /// <summary>Counts a sample that did not decode to an accepted composition (one with too many elements, or not).</summary>
    public void AddRejected(bool overMaxElements = false)
    {
        if (overMaxElements)
        {
            OverMaxElements++;
        }

        if (FirstRejectedIndex < 0)
        {
            FirstRejectedIndex = Generated;
        }

        Generated++;
    }

    /// <summary>Adds a decoded integer composition given as atomic numbers and counts (any order).</summary>
    /// <exception cref="ArgumentException">See <see cref="CompositionKey.FromCounts"/>.</exception>
    public void Add(ReadOnlySpan<int> atomicNumbers, ReadOnlySpan<int> counts) =>
        Add(CompositionKey.FromCounts(atomicNumbers, counts), atomicNumbers, counts);

    /// <summary>
    /// Adds a decoded composition whose key the caller computed (in parallel) with
    /// <see cref="CompositionKey.FromCounts"/> from the same lists.
    /// </summary>
    internal void Add(CompositionKey key, ReadOnlySpan<int> atomicNumbers, ReadOnlySpan<int> counts)
    {
        var sampleIndex = Generated++;
        Decoded++;
        if (_indexOf.TryGetValue(key, out var existing))
        {
            _counts[existing]++;
            return;
        }

        _indexOf.Add(key, _counts.Count);
        _counts.Add(1);
        _firstIndices.Add(sampleIndex);
        foreach (var z in atomicNumbers)
        {
            _atomicNumbers.Add(z);
        }

        foreach (var n in counts)
        {
            _elementCounts.Add(n);
        }

        _offsets.Add(_atomicNumbers.Count);
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

    public GeneratedSet ToSet()
    {
        var unique = new Composition[_counts.Count];
        var valid = new bool[unique.Length];
        var atomicNumbers = _atomicNumbers.ToArray();
        var counts = _elementCounts.ToArray();
        var offsets = _offsets.ToArray();
        Parallel.For(0, unique.Length, i =>
        {
            var (start, arity) = (offsets[i], offsets[i + 1] - offsets[i]);
            var z = atomicNumbers.AsSpan(start, arity);
            var n = counts.AsSpan(start, arity);
            valid[i] = Validator.Check(z, n).ElectronegativityBalanced;
            var pairs = new (Element, int)[arity];
            for (var j = 0; j < arity; j++)
            {
                pairs[j] = (ElementTable.Default.ByAtomicNumber(z[j]), n[j]);
            }

            unique[i] = Composition.FromCounts(pairs).Reduced();
            _ = unique[i].ReducedFormula; // formatted here, in parallel, since every consumer writes the formulas
        });
        return new GeneratedSet(Generated, Decoded, unique, valid.Count(v => v), _counts.ToArray(), _firstIndices.ToArray(),
            FirstRejectedIndex, OverMaxElements);
    }
}
