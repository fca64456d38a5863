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

    public static BinnedMatrix Create<T>(ReadOnlySpan<T> features, FeatureBinning binning)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var columnCount = binning.FeatureCount;
        var rowCount = features.Length / columnCount;
        var bins = new byte[rowCount * columnCount];
        for (var row = 0; row < rowCount; row++)
        {
            var values = features.Slice(row * columnCount, columnCount);
            for (var feature = 0; feature < columnCount; feature++)
            {
                bins[(feature * rowCount) + row] = (byte)binning.BinOf(feature, double.CreateTruncating(values[feature]));
            }
        }

        return new BinnedMatrix(binning, rowCount, bins);
    }
}
