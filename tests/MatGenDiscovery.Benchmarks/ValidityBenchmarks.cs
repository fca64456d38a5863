using BenchmarkDotNet.Attributes;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Formulas;
using MatGenDiscovery.Chemistry.Validity;

namespace MatGenDiscovery.Benchmarks;

/// <summary>
/// SMACT validity of random 2–4 element compositions over MatGAN's 85 elements, counts 1–8.
/// Reported time is per composition (OperationsPerInvoke); one thread.
/// </summary>
[MemoryDiagnoser]
public class ValidityBenchmarks
{
    private const int Count = 100_000;
    private const int MaxArity = 4;
    private SmactValidator _validator = new();
    private int[] _atomicNumbers = [];
    private int[] _counts = [];
    private int[] _arity = [];
    private string[] _formulas = [];

    [Params(OxidationStateSet.Smact14, OxidationStateSet.Icsd24)]
    public OxidationStateSet Set { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _validator = new SmactValidator(new ValidityOptions { OxidationStates = Set });
        var random = new Random(42);
        var pool = ElementSets.MatGan85.Select(element => element.AtomicNumber).ToArray();
        _atomicNumbers = new int[Count * MaxArity];
        _counts = new int[Count * MaxArity];
        _arity = new int[Count];
        _formulas = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            _arity[i] = random.Next(2, MaxArity + 1);
            var picked = pool.OrderBy(_ => random.Next()).Take(_arity[i]).ToArray();
            for (var k = 0; k < _arity[i]; k++)
            {
                _atomicNumbers[(i * MaxArity) + k] = picked[k];
                _counts[(i * MaxArity) + k] = random.Next(1, 9);
            }

            _formulas[i] = string.Concat(Enumerable.Range(0, _arity[i]).Select(k =>
                ElementTable.Default.ByAtomicNumber(picked[k]).Symbol + _counts[(i * MaxArity) + k]));
        }
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int CheckSpans()
    {
        var valid = 0;
        for (var i = 0; i < Count; i++)
        {
            var slice = new Range(i * MaxArity, (i * MaxArity) + _arity[i]);
            valid += _validator.Check(_atomicNumbers.AsSpan(slice), _counts.AsSpan(slice)).Valid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int ParseAndCheck()
    {
        var valid = 0;
        foreach (var formula in _formulas)
        {
            valid += _validator.Check(FormulaParser.Parse(formula)).Valid ? 1 : 0;
        }

        return valid;
    }
}
