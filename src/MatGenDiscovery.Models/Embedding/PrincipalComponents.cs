namespace MatGenDiscovery.Models.Embedding;

/// <summary>
/// A fitted PCA: the data mean, the top principal axes (unit vectors, by descending variance) and the variance
/// along each. <see cref="Transform"/> projects points onto the axes (scores in the data's units).
/// </summary>
public sealed class PrincipalComponents
{
    private const int ChunkSize = 1024;

    private PrincipalComponents(double[] mean, double[][] axes, double[] variances, double totalVariance)
    {
        Mean = mean;
        Axes = axes;
        Variances = variances;
        TotalVariance = totalVariance;
    }

    public IReadOnlyList<double> Mean { get; }

    /// <summary>Principal axes, each of length <see cref="Dimension"/>, sign fixed so the largest entry is positive.</summary>
    public IReadOnlyList<double[]> Axes { get; }

    /// <summary>Variance of the data along each axis (population variance, divided by n).</summary>
    public IReadOnlyList<double> Variances { get; }

    /// <summary>Trace of the covariance matrix: the variance summed over every input dimension.</summary>
    public double TotalVariance { get; }

    public int Dimension => Mean.Count;

    /// <summary>Share of the total variance each axis explains.</summary>
    public IReadOnlyList<double> ExplainedShares => Variances.Select(v => TotalVariance > 0 ? v / TotalVariance : 0).ToArray();

    /// <summary>Fits the top <paramref name="components"/> axes from the covariance matrix (exact Jacobi eigen-solver).</summary>
    /// <param name="points">n rows of equal length d ≥ 1; n ≥ 2.</param>
    /// <exception cref="ArgumentException">Fewer than two points, rows of unequal length, non-finite values, or more components than dimensions.</exception>
    public static PrincipalComponents Fit(IReadOnlyList<double[]> points, int components = 2)
    {
        var dimension = Validate(points);
        if (components < 1 || components > dimension)
        {
            throw new ArgumentOutOfRangeException(nameof(components), components, $"components must be between 1 and the dimension {dimension}");
        }

        var mean = new double[dimension];
        foreach (var point in points)
        {
            for (var k = 0; k < dimension; k++)
            {
                mean[k] += point[k];
            }
        }

        for (var k = 0; k < dimension; k++)
        {
            mean[k] /= points.Count;
        }

        var covariance = Covariance(points, mean);
        var (values, vectors) = SymmetricEigen.Decompose(covariance, dimension);
        var total = Enumerable.Range(0, dimension).Sum(k => covariance[k * dimension + k]);
        return new PrincipalComponents(mean, vectors[..components], values[..components].Select(v => Math.Max(0, v)).ToArray(), total);
    }

    /// <summary>Scores of each point on the first two axes (the second is 0 when only one axis was fitted).</summary>
    /// <exception cref="ArgumentException">A point's length differs from <see cref="Dimension"/>.</exception>
    public EmbeddingPoint[] Transform(IReadOnlyList<double[]> points)
    {
        var result = new EmbeddingPoint[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Length != Dimension)
            {
                throw new ArgumentException($"point {i} has {points[i].Length} values, the PCA was fitted on {Dimension}", nameof(points));
            }

            result[i] = new EmbeddingPoint(Score(points[i], 0), Axes.Count > 1 ? Score(points[i], 1) : 0);
        }

        return result;
    }

    private double Score(double[] point, int axis)
    {
        var sum = 0.0;
        for (var k = 0; k < Dimension; k++)
        {
            sum += (point[k] - Mean[k]) * Axes[axis][k];
        }

        return sum;
    }

    /// <summary>Covariance over fixed chunks of rows summed in chunk order, so two cores give bit-identical results.</summary>
    private static double[] Covariance(IReadOnlyList<double[]> points, double[] mean)
    {
        var d = mean.Length;
        var chunks = (points.Count + ChunkSize - 1) / ChunkSize;
        var partial = new double[chunks][];
        Parallel.For(0, chunks, c =>
        {
            var sums = new double[d * d];
            var centred = new double[d];
            for (var i = c * ChunkSize; i < Math.Min(points.Count, (c + 1) * ChunkSize); i++)
            {
                for (var k = 0; k < d; k++)
                {
                    centred[k] = points[i][k] - mean[k];
                }

                for (var r = 0; r < d; r++)
                {
                    if (centred[r] == 0)
                    {
                        continue;
                    }

                    for (var s = r; s < d; s++)
                    {
                        sums[r * d + s] += centred[r] * centred[s];
                    }
                }
            }

            partial[c] = sums;
        });
        var covariance = new double[d * d];
        foreach (var sums in partial)
        {
            for (var k = 0; k < sums.Length; k++)
            {
                covariance[k] += sums[k];
            }
        }

        for (var r = 0; r < d; r++)
        {
            for (var s = r; s < d; s++)
            {
                covariance[r * d + s] /= points.Count;
                covariance[s * d + r] = covariance[r * d + s];
            }
        }

        return covariance;
    }

    private static int Validate(IReadOnlyList<double[]> points)
    {
        if (points.Count < 2)
        {
            throw new ArgumentException($"PCA needs at least 2 points, got {points.Count}", nameof(points));
        }

        var dimension = points[0].Length;
        if (dimension == 0)
        {
            throw new ArgumentException("PCA needs points with at least one value", nameof(points));
        }

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

        return dimension;
    }
}
