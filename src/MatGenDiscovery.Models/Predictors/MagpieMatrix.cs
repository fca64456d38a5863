using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Featurization;

namespace MatGenDiscovery.Models.Predictors;

/// <summary>Magpie features of many compositions as a row-major n × 145 matrix, computed in parallel.</summary>
public static class MagpieMatrix
{
    private const int RowsPerTask = 256;

    public static double[] Featurize(MagpieFeaturizer featurizer, IReadOnlyList<Composition> compositions)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(compositions);
        var columns = MagpieFeatureNames.Count;
        var matrix = new double[compositions.Count * columns];
        var blocks = (compositions.Count + RowsPerTask - 1) / RowsPerTask;
        Parallel.For(0, blocks, block =>
        {
            var end = Math.Min(compositions.Count, (block + 1) * RowsPerTask);
            for (var row = block * RowsPerTask; row < end; row++)
            {
                featurizer.Featurize(compositions[row], matrix.AsSpan(row * columns, columns));
            }
        });
        return matrix;
    }
}
