using System.Diagnostics;

namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>A quick, self-contained throughput measurement of <see cref="Gemm.Multiply"/> for tooling outside BenchmarkDotNet.</summary>
public static class GemmBenchmark
{
    private static readonly TimeSpan RoundDuration = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Multiplies two seeded random size×size matrices repeatedly for at least <paramref name="minDuration"/>
    /// (after one warm-up round) and returns the median over rounds of 2·size³ / seconds / 10⁹.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> or <paramref name="minDuration"/> is not positive.</exception>
    public static double MeasureGflops(int size, TimeSpan minDuration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minDuration, TimeSpan.Zero);
        var random = new Random(1234);
        float[] a = RandomMatrix(random, size);
        float[] b = RandomMatrix(random, size);
        float[] c = new float[size * size];
        double flops = 2.0 * size * size * size;

        MeasureRound(a, b, c, size, flops);
        var rounds = new List<double>();
        var total = Stopwatch.StartNew();
        do
        {
            rounds.Add(MeasureRound(a, b, c, size, flops));
        }
        while (total.Elapsed < minDuration || rounds.Count < 3);

        rounds.Sort();
        return rounds[rounds.Count / 2];
    }

    private static double MeasureRound(float[] a, float[] b, float[] c, int size, double flops)
    {
        int iterations = 0;
        var watch = Stopwatch.StartNew();
        do
        {
            Gemm.Multiply(false, false, size, size, size, a, size, b, size, c, size);
            iterations++;
        }
        while (watch.Elapsed < RoundDuration);

        return flops * iterations / watch.Elapsed.TotalSeconds / 1e9;
    }

    private static float[] RandomMatrix(Random random, int size)
    {
        var matrix = new float[size * size];
        for (int i = 0; i < matrix.Length; i++)
        {
            matrix[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return matrix;
    }
}
