using System.Numerics;

namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>
/// Quantile bins per feature column. Value bin b holds values v with <c>UpperBounds[b − 1] &lt; v ≤ UpperBounds[b]</c>
/// (the last value bin is unbounded above); NaN goes to its own bin, <see cref="NanBin"/> = <see cref="ValueBinCount"/>.
/// </summary>
/// <remarks>
/// Bounds are midpoints between neighbouring distinct sample values, so a split "bin ≤ b" is exactly the raw test
/// "value ≤ UpperBounds[b]". With more distinct values than bins, a value holding at least an average bin's share of
/// the rows gets a bin of its own and the rest is divided greedily into equal-count bins (as LightGBM does).
/// </remarks>
public sealed class FeatureBinning
{
    /// <summary>Rows used to place bin bounds; larger inputs are subsampled (LightGBM's bin_construct_sample_cnt).</summary>
    public const int DefaultSampleSize = 200_000;

    private readonly double[][] _upperBounds;

    private FeatureBinning(double[][] upperBounds) => _upperBounds = upperBounds;

    public int FeatureCount => _upperBounds.Length;

    public int ValueBinCount(int feature) => _upperBounds[feature].Length + 1;

    public int NanBin(int feature) => _upperBounds[feature].Length + 1;

    public ReadOnlySpan<double> UpperBounds(int feature) => _upperBounds[feature];

    /// <summary>Raw threshold equivalent to "bin ≤ <paramref name="bin"/>"; +∞ for the last value bin (NaN vs rest).</summary>
    public double Threshold(int feature, int bin)
    {
        var bounds = _upperBounds[feature];
        return bin < bounds.Length ? bounds[bin] : double.PositiveInfinity;
    }

    public int BinOf(int feature, double value)
    {
        var bounds = _upperBounds[feature];
        if (double.IsNaN(value))
        {
            return bounds.Length + 1;
        }

        int low = 0, high = bounds.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (value <= bounds[middle])
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    /// <param name="features">Row-major n × <paramref name="columnCount"/> matrix.</param>
    /// <param name="maxBins">Maximum value bins per feature, 2 to 255.</param>
    public static FeatureBinning Fit<T>(ReadOnlySpan<T> features, int columnCount, int maxBins, int seed, int sampleSize = DefaultSampleSize)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Fit(features, columnCount, maxBins, seed, sampleSize, new ParallelOptions());

    /// <remarks>Columns are binned in parallel; each column's bounds depend only on its values, not on scheduling.</remarks>
    internal static unsafe FeatureBinning Fit<T>(
        ReadOnlySpan<T> features, int columnCount, int maxBins, int seed, int sampleSize, ParallelOptions parallelOptions)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columnCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBins, 255);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 1);
        if (features.Length % columnCount != 0)
        {
            throw new ArgumentException($"Feature matrix length {features.Length} is not a multiple of the column count {columnCount}.", nameof(features));
        }

        var rowCount = features.Length / columnCount;
        var sampleRows = RowSampler.SortedSample(rowCount, Math.Min(rowCount, sampleSize), new Random(seed));
        var bounds = new double[columnCount][];
        fixed (T* pointer = features)
        {
            var address = (nint)pointer;
            var length = features.Length;
            Parallel.For(0, columnCount, parallelOptions, feature =>
            {
                var matrix = new ReadOnlySpan<T>((T*)address, length);
                var values = new double[sampleRows.Length];
                var count = 0;
                foreach (var row in sampleRows)
                {
                    var value = double.CreateTruncating(matrix[(row * columnCount) + feature]);
                    if (!double.IsNaN(value))
                    {
                        values[count++] = value;
                    }
                }

                var sorted = values.AsSpan(0, count);
                sorted.Sort();
                bounds[feature] = UpperBoundsOf(sorted, maxBins);
            });
        }

        return new FeatureBinning(bounds);
    }

    internal static FeatureBinning FromUpperBounds(double[][] upperBounds) => new(upperBounds);

    private static double[] UpperBoundsOf(ReadOnlySpan<double> sorted, int maxBins)
    {
        var distinct = new List<double>();
        var counts = new List<int>();
        foreach (var value in sorted)
        {
            if (distinct.Count > 0 && distinct[^1] == value)
            {
                counts[^1]++;
            }
            else
            {
                distinct.Add(value);
                counts.Add(1);
            }
        }

        var bounds = new List<double>();
        if (distinct.Count <= maxBins)
        {
            for (var i = 0; i + 1 < distinct.Count; i++)
            {
                bounds.Add(Midpoint(distinct[i], distinct[i + 1]));
            }

            return bounds.ToArray();
        }

        double remainingRows = sorted.Length;
        var remainingBins = maxBins;
        var meanBinSize = remainingRows / remainingBins;
        var rowsInBin = 0;
        for (var i = 0; i < distinct.Count && remainingBins > 1; i++)
        {
            if (rowsInBin > 0 && counts[i] >= meanBinSize)
            {
                CloseBin(Midpoint(distinct[i - 1], distinct[i]));
                if (remainingBins == 1)
                {
                    break;
                }
            }

            rowsInBin += counts[i];
            if (i + 1 < distinct.Count && rowsInBin >= meanBinSize)
            {
                CloseBin(Midpoint(distinct[i], distinct[i + 1]));
            }
        }

        return bounds.ToArray();

        void CloseBin(double bound)
        {
            bounds.Add(bound);
            remainingBins--;
            remainingRows -= rowsInBin;
            rowsInBin = 0;
            meanBinSize = remainingRows / Math.Max(remainingBins, 1);
        }
    }

    /// <summary>A bound b with lower ≤ b &lt; upper, so "v ≤ b" separates the two values exactly.</summary>
    private static double Midpoint(double lower, double upper)
    {
        var middle = (lower * 0.5) + (upper * 0.5);
        return middle >= lower && middle < upper ? middle : lower;
    }
}
