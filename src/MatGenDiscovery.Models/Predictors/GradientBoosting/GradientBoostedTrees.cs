using System.Numerics;

namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>
/// A trained ensemble: prediction = Transform(BaseScore + Σ trees), where Transform is the identity for
/// <see cref="GradientBoostingLoss.SquaredError"/> and the logistic sigmoid (a probability) for
/// <see cref="GradientBoostingLoss.Logistic"/>. Predicts from raw, unbinned features; NaN marks a missing value.
/// Thread-safe: prediction never mutates the model.
/// </summary>
public sealed class GradientBoostedTrees
{
    private const int RowsPerBlock = 64;
    private const int SequentialRowLimit = 512;

    private readonly RegressionTree[] _trees;
    private readonly LossFunction _loss;

    public GradientBoostedTrees(GradientBoostingOptions options, int featureCount, double baseScore, IReadOnlyList<RegressionTree> trees)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        foreach (var tree in trees)
        {
            foreach (var node in tree.Nodes)
            {
                if ((uint)node.Feature >= (uint)featureCount)
                {
                    throw new ArgumentException($"A tree splits on feature {node.Feature}, but the model has {featureCount} features.", nameof(trees));
                }
            }
        }

        Options = options;
        FeatureCount = featureCount;
        BaseScore = baseScore;
        _trees = [.. trees];
        _loss = LossFunction.For(options);
    }

    public GradientBoostingOptions Options { get; }

    public int FeatureCount { get; }

    /// <summary>Starting raw score: the target mean (regression) or the log-odds of the positive rate (logistic).</summary>
    public double BaseScore { get; }

    public IReadOnlyList<RegressionTree> Trees => _trees;

    /// <summary>Raw score of one row: the regression value, or log-odds for logistic loss.</summary>
    public double PredictRawRow<T>(ReadOnlySpan<T> row)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckRowLength(row.Length);
        var score = BaseScore;
        foreach (var tree in _trees)
        {
            score += tree.Evaluate(row);
        }

        return score;
    }

    /// <summary>Prediction for one row of <see cref="FeatureCount"/> values: regression value or probability.</summary>
    public double PredictRow<T>(ReadOnlySpan<T> row)
        where T : unmanaged, IFloatingPointIeee754<T> => _loss.Transform(PredictRawRow(row));

    /// <summary>Predicts every row of a row-major n × <see cref="FeatureCount"/> matrix, in parallel for large n.</summary>
    public double[] PredictRows<T>(ReadOnlySpan<T> features)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var destination = new double[RowCountOf(features.Length)];
        PredictRows(features, destination);
        return destination;
    }

    /// <summary>Writes one prediction per row, bit-identical to <see cref="PredictRow{T}"/>.</summary>
    public unsafe void PredictRows<T>(ReadOnlySpan<T> features, Span<double> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rowCount = RowCountOf(features.Length);
        if (destination.Length != rowCount)
        {
            throw new ArgumentException($"Destination has {destination.Length} elements but the features hold {rowCount} rows.", nameof(destination));
        }

        if (rowCount <= SequentialRowLimit)
        {
            PredictBlock(features, destination);
            return;
        }

        fixed (T* featuresPointer = features)
        fixed (double* destinationPointer = destination)
        {
            var featuresAddress = (nint)featuresPointer;
            var destinationAddress = (nint)destinationPointer;
            var blockCount = (rowCount + RowsPerBlock - 1) / RowsPerBlock;
            Parallel.For(0, blockCount, block =>
            {
                var start = block * RowsPerBlock;
                var rows = Math.Min(RowsPerBlock, rowCount - start);
                var blockFeatures = new ReadOnlySpan<T>((T*)featuresAddress + ((long)start * FeatureCount), rows * FeatureCount);
                var blockDestination = new Span<double>((double*)destinationAddress + start, rows);
                PredictBlock(blockFeatures, blockDestination);
            });
        }
    }

    /// <summary>Tree-outer loop so each tree stays in L1 cache while it scores the block's rows.</summary>
    private void PredictBlock<T>(ReadOnlySpan<T> features, Span<double> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        destination.Fill(BaseScore);
        foreach (var tree in _trees)
        {
            for (var row = 0; row < destination.Length; row++)
            {
                destination[row] += tree.Evaluate(features.Slice(row * FeatureCount, FeatureCount));
            }
        }

        for (var row = 0; row < destination.Length; row++)
        {
            destination[row] = _loss.Transform(destination[row]);
        }
    }

    private int RowCountOf(int length) =>
        length % FeatureCount == 0
            ? length / FeatureCount
            : throw new ArgumentException($"Feature matrix length {length} is not a multiple of the model's {FeatureCount} features.", "features");

    private void CheckRowLength(int length)
    {
        if (length != FeatureCount)
        {
            throw new ArgumentException($"Row has {length} values but the model expects {FeatureCount} features.", "row");
        }
    }
}
