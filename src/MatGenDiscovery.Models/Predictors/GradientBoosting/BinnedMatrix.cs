using System.Numerics;

namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>Training features as bin indices, column-major: column f is <c>Bins[f·RowCount .. (f+1)·RowCount)</c>.</summary>
internal sealed class BinnedMatrix
{
    private readonly byte[] _bins;

    private BinnedMatrix(FeatureBinning binning, int rowCount, byte[] bins)
    {
        Binning = binning;
        RowCount = rowCount;
        _bins = bins;
    }

    public FeatureBinning Binning { get; }

    public int RowCount { get; }

    public int ColumnCount => Binning.FeatureCount;

    public ReadOnlySpan<byte> Column(int feature) => _bins.AsSpan(feature * RowCount, RowCount);

    public static unsafe BinnedMatrix Create<T>(ReadOnlySpan<T> features, FeatureBinning binning, ParallelOptions parallelOptions)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var columnCount = binning.FeatureCount;
        var rowCount = features.Length / columnCount;
        var bins = new byte[rowCount * columnCount];
        fixed (T* pointer = features)
        {
            var address = (nint)pointer;
            var length = features.Length;
            Parallel.For(0, columnCount, parallelOptions, feature =>
            {
                var matrix = new ReadOnlySpan<T>((T*)address, length);
                var column = bins.AsSpan(feature * rowCount, rowCount);
                for (var row = 0; row < rowCount; row++)
                {
                    column[row] = (byte)binning.BinOf(feature, double.CreateTruncating(matrix[(row * columnCount) + feature]));
                }
            });
        }

        return new BinnedMatrix(binning, rowCount, bins);
    }
}
