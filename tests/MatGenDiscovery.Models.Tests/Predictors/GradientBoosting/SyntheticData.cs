namespace MatGenDiscovery.Models.Tests.Predictors.GradientBoosting;

/// <summary>Seeded synthetic regression/classification problems as row-major matrices.</summary>
internal static class SyntheticData
{
    /// <summary>Friedman #1: y = 10 sin(π x₁x₂) + 20 (x₃ − ½)² + 10 x₄ + 5 x₅ + σε over 10 uniform columns.</summary>
    public static (double[] Features, double[] Targets) Friedman1(int rows, double noise, int seed)
    {
        const int columns = 10;
        var random = new Random(seed);
        var x = new double[rows * columns];
        var y = new double[rows];
        for (var row = 0; row < rows; row++)
        {
            var r = x.AsSpan(row * columns, columns);
            for (var column = 0; column < columns; column++)
            {
                r[column] = random.NextDouble();
            }

            y[row] = Friedman1Mean(r) + (noise * Gaussian(random));
        }

        return (x, y);
    }

    public static double Friedman1Mean(ReadOnlySpan<double> r) =>
        (10 * Math.Sin(Math.PI * r[0] * r[1])) + (20 * (r[2] - 0.5) * (r[2] - 0.5)) + (10 * r[3]) + (5 * r[4]);

    /// <summary>Two noisy interleaved classes: y = 1 iff x₁ &gt; sin(3 x₀) + ε over 4 uniform columns in [−1, 1]².</summary>
    public static (double[] Features, double[] Targets) SineBoundary(int rows, double labelNoise, int seed)
    {
        const int columns = 4;
        var random = new Random(seed);
        var x = new double[rows * columns];
        var y = new double[rows];
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                x[(row * columns) + column] = (2 * random.NextDouble()) - 1;
            }

            var boundary = Math.Sin(3 * x[row * columns]) + (labelNoise * Gaussian(random));
            y[row] = x[(row * columns) + 1] > boundary ? 1 : 0;
        }

        return (x, y);
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static double Rmse(IReadOnlyList<double> predictions, IReadOnlyList<double> targets) =>
        Math.Sqrt(predictions.Zip(targets, (p, t) => (p - t) * (p - t)).Average());
}
