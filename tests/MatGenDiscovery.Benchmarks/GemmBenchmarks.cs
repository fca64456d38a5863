using BenchmarkDotNet.Attributes;
using MatGenDiscovery.Tensors.Kernels;

namespace MatGenDiscovery.Benchmarks;

/// <summary>Square single-precision GEMM, C = A·B; divide 2·Size³ by the mean time for GFLOP/s.</summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];

    [Params(64, 128, 256, 512, 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _a = RandomMatrix(random, Size * Size);
        _b = RandomMatrix(random, Size * Size);
        _c = new float[Size * Size];
    }

    [Benchmark]
    public void Multiply() => Gemm.Multiply(false, false, Size, Size, Size, _a, Size, _b, Size, _c, Size);

    [Benchmark]
    public void MultiplyTransposedB() => Gemm.Multiply(false, true, Size, Size, Size, _a, Size, _b, Size, _c, Size);

    internal static float[] RandomMatrix(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return values;
    }
}
