using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Grains.Generators;

/// <summary>
/// Uniformly random compositions: arity uniform in [max(2, required), maxArity], the required elements plus distinct
/// elements drawn from the pool, counts uniform in [1, maxCount]. The enumeration-style baseline of MatGAN; it has
/// no weights, so fine-tuning leaves it unchanged.
/// </summary>
public sealed class RandomCompositionModel : ICandidateModel
{
    private readonly Element[] _pool;
    private readonly Element[] _required;
    private readonly int _maxArity;
    private readonly int _maxCount;

    /// <exception cref="ArgumentException">The pool is too small for the arity, or a bound is not positive.</exception>
    public RandomCompositionModel(IReadOnlyList<Element> pool, IReadOnlyList<Element> required, int maxArity, int maxCount)
    {
        _required = required.Distinct().ToArray();
        _pool = pool.Distinct().Except(_required).ToArray();
        _maxArity = maxArity;
        _maxCount = maxCount;
        if (maxCount < 1 || maxArity < Math.Max(2, _required.Length))
        {
            throw new ArgumentException($"random generator: max arity {maxArity} must be ≥ max(2, required elements {_required.Length}) and max count {maxCount} ≥ 1");
        }

        if (_pool.Length + _required.Length < 2)
        {
            throw new ArgumentException($"random generator: the element pool has {_pool.Length + _required.Length} elements; need at least 2");
        }
    }

    public string ModelKind => "random";

    public bool IsConditional => false;

    public string? TargetProperty => null;

    public bool IsTrainable => false;

    public (IReadOnlyList<Composition> Unique, int Generated, int Decoded) Generate(int count, int seed, double? target)
    {
        var random = new Random(seed);
        var unique = new List<Composition>();
        var seen = new HashSet<Composition>();
        var minArity = Math.Max(2, _required.Length);
        var maxArity = Math.Min(_maxArity, _pool.Length + _required.Length);
        for (var s = 0; s < count; s++)
        {
            var arity = random.Next(minArity, maxArity + 1);
            var elements = _required.Concat(Draw(random, arity - _required.Length));
            var composition = Composition.FromCounts(elements.Select(e => (e, random.Next(1, _maxCount + 1))).ToList()).Reduced();
            if (seen.Add(composition))
            {
                unique.Add(composition);
            }
        }

        return (unique, count, count);
    }

    /// <summary>k distinct pool elements: a partial Fisher–Yates shuffle of a copy of the pool.</summary>
    private Element[] Draw(Random random, int k)
    {
        var pool = (Element[])_pool.Clone();
        for (var i = 0; i < k; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..k];
    }

    public int FineTune(IReadOnlyList<Composition> compositions, IReadOnlyList<double> targets, int fromStep, int steps, int batchSize, int seed) => 0;

    public byte[] Save(int step) => [];
}
