namespace MatGenDiscovery.Models.Embedding;

/// <summary>
/// Exact t-SNE: perplexity-calibrated Gaussian affinities P (symmetrised, pᵢⱼ = (p(j|i) + p(i|j)) / 2n), Student-t
/// affinities Q in 2-D, and gradient descent on KL(P‖Q) with early exaggeration, momentum and per-coordinate gains.
/// O(n²) time and memory per iteration, so meant for a subsample of a few thousand points. Rows are processed on all
/// cores, each row by one thread and every sum in a fixed order, so the same seed gives bit-identical coordinates.
/// </summary>
public static class TSne
{
    /// <summary>Largest n accepted: the P and Q matrices take 8n² bytes.</summary>
    public const int MaxPoints = 6000;

    private const double MinGain = 0.01;

    /// <param name="points">n rows of equal length (e.g. element-fraction vectors); n ≤ <see cref="MaxPoints"/>.</param>
    /// <returns>2-D coordinates, one per point, centred on the origin.</returns>
    /// <exception cref="ArgumentException">Too few or too many points, unequal rows, non-finite values, or perplexity ≥ n − 1.</exception>
    public static EmbeddingPoint[] Embed(IReadOnlyList<double[]> points, TSneOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        Validate(points, options.Perplexity);
        var n = points.Count;
        var p = Affinities(points, options.Perplexity);
        var y = InitialLayout(n, options.Seed);
        var update = new double[2 * n];
        var gains = new double[2 * n];
        Array.Fill(gains, 1.0);
        var gradient = new double[2 * n];
        var q = new float[n * n];
        var rowSums = new double[n];
        var rate = options.LearningRate ?? Math.Max(n / options.EarlyExaggeration / 4, 50);
        for (var iteration = 0; iteration < options.Iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var early = iteration < options.ExaggerationIterations;
            Gradient(p, y, q, rowSums, gradient, early ? options.EarlyExaggeration : 1);
            var momentum = early ? options.InitialMomentum : options.FinalMomentum;
            for (var k = 0; k < 2 * n; k++)
            {
                gains[k] = Math.Sign(gradient[k]) != Math.Sign(update[k]) ? gains[k] + 0.2 : Math.Max(MinGain, gains[k] * 0.8);
                update[k] = momentum * update[k] - rate * gains[k] * gradient[k];
                y[k] += update[k];
            }

            Centre(y);
        }

        return Enumerable.Range(0, n).Select(i => new EmbeddingPoint(y[2 * i], y[2 * i + 1])).ToArray();
    }

    /// <summary>Symmetric joint probabilities pᵢⱼ (row-major n×n, zero diagonal, summing to 1).</summary>
    internal static float[] Affinities(IReadOnlyList<double[]> points, double perplexity)
    {
        var n = points.Count;
        var conditional = new double[n * n];
        Parallel.For(0, n, () => new double[n], (i, _, distances) =>
        {
            for (var j = 0; j < n; j++)
            {
                distances[j] = j == i ? 0 : SquaredDistance(points[i], points[j]);
            }

            PerplexityCalibration.Calibrate(distances, i, perplexity, conditional.AsSpan(i * n, n));
            return distances;
        }, _ => { });
        var joint = new float[n * n];
        Parallel.For(0, n, i =>
        {
            for (var j = 0; j < n; j++)
            {
                joint[i * n + j] = i == j ? 0 : (float)Math.Max((conditional[i * n + j] + conditional[j * n + i]) / (2.0 * n), 1e-12);
            }
        });
        return joint;
    }

    /// <summary>
    /// ∂KL/∂yᵢ = 4 Σⱼ (αpᵢⱼ − qᵢⱼ)(1 + ‖yᵢ − yⱼ‖²)⁻¹ (yᵢ − yⱼ), with α the exaggeration; <paramref name="q"/> receives the
    /// unnormalised Student-t kernel.
    /// </summary>
    private static void Gradient(float[] p, double[] y, float[] q, double[] rowSums, double[] gradient, double exaggeration)
    {
        var n = rowSums.Length;
        Parallel.For(0, n, i =>
        {
            double xi = y[2 * i], yi = y[2 * i + 1], sum = 0;
            var row = q.AsSpan(i * n, n);
            for (var j = 0; j < n; j++)
            {
                double dx = xi - y[2 * j], dy = yi - y[2 * j + 1];
                var kernel = j == i ? 0 : 1 / (1 + dx * dx + dy * dy);
                row[j] = (float)kernel;
                sum += kernel;
            }

            rowSums[i] = sum;
        });
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            total += rowSums[i];
        }

        Parallel.For(0, n, i =>
        {
            double xi = y[2 * i], yi = y[2 * i + 1], gx = 0, gy = 0;
            var qRow = q.AsSpan(i * n, n);
            var pRow = p.AsSpan(i * n, n);
            for (var j = 0; j < n; j++)
            {
                var kernel = (double)qRow[j];
                var force = (exaggeration * pRow[j] - kernel / total) * kernel;
                gx += force * (xi - y[2 * j]);
                gy += force * (yi - y[2 * j + 1]);
            }

            gradient[2 * i] = 4 * gx;
            gradient[2 * i + 1] = 4 * gy;
        });
    }

    /// <summary>Gaussian start with standard deviation 1e-4, from a seeded generator (Box–Muller).</summary>
    private static double[] InitialLayout(int n, int seed)
    {
        var random = new Random(seed);
        var y = new double[2 * n];
        for (var k = 0; k < y.Length; k += 2)
        {
            var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            var angle = 2 * Math.PI * random.NextDouble();
            y[k] = 1e-4 * radius * Math.Cos(angle);
            y[k + 1] = 1e-4 * radius * Math.Sin(angle);
        }

        return y;
    }

    private static void Centre(double[] y)
    {
        double mx = 0, my = 0;
        for (var k = 0; k < y.Length; k += 2)
        {
            mx += y[k];
            my += y[k + 1];
        }

        var n = y.Length / 2;
        for (var k = 0; k < y.Length; k += 2)
        {
            y[k] -= mx / n;
            y[k + 1] -= my / n;
        }
    }

    private static double SquaredDistance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            var d = a[k] - b[k];
            sum += d * d;
        }

        return sum;
    }

    private static void Validate(IReadOnlyList<double[]> points, double perplexity)
    {
        if (points.Count > MaxPoints)
        {
            throw new ArgumentException($"exact t-SNE takes at most {MaxPoints} points, got {points.Count}; subsample first", nameof(points));
        }

        if (points.Count < 3 || perplexity > points.Count - 1)
        {
            throw new ArgumentException($"t-SNE with perplexity {perplexity} needs more than {Math.Ceiling(perplexity)} points, got {points.Count}", nameof(points));
        }

        var dimension = points[0].Length;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Length != dimension)
            {
                throw new ArgumentException($"point {i} has {points[i].Length} values, point 0 has {dimension}", nameof(points));
            }

            if (points[i].Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException($"point {i} has a non-finite value", nameof(points));
            }
        }
    }
}
