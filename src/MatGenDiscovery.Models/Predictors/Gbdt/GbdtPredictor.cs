using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Predictors.Gbdt;

/// <summary>
/// An ensemble of gradient-boosted tree regressors on a <see cref="GbdtFeatureSet"/> (Magpie, optionally with fractions). Prediction featurises and scores
/// blocks of compositions in parallel; mean and σ are over the members (<see cref="EnsembleStatistics"/>), then
/// σ is multiplied by <see cref="PredictorCalibration.SigmaScale"/>, negative means are clipped to 0 for
/// non-negative targets, and, with a metal classifier and <see cref="PredictorCalibration.ZeroPredictedMetals"/>, the
/// mean of compositions with P(metal) &gt; ½ is set to 0.
/// </summary>
public sealed class GbdtPredictor : IPropertyPredictor
{
    public const string Kind = "gbdt";

    // Large enough that each tree's nodes, once in cache, serve many rows: −30 % CPU for a 2564-tree model vs 64 rows.
    private const int RowsPerBlock = 256;

    private readonly GradientBoostedTrees[] _members;
    private readonly CompiledForest _forest;
    private readonly CompiledForest? _classifierForest;

    /// <exception cref="ArgumentException">No members, a member that is not a regressor on 145 features, or a bad classifier.</exception>
    public GbdtPredictor(
        string targetProperty,
        IReadOnlyList<GradientBoostedTrees> members,
        PredictorCalibration calibration,
        MetalClassifier? metalClassifier = null,
        GbdtFeatureSet? features = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetProperty);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(calibration);
        if (members.Count == 0)
        {
            throw new ArgumentException("A GBDT predictor needs at least one member.", nameof(members));
        }

        Features = features ?? GbdtFeatureSet.Magpie;
        foreach (var member in members)
        {
            if (member.FeatureCount != Features.Count || member.Options.Loss == GradientBoostingLoss.Logistic)
            {
                throw new ArgumentException(
                    $"Every member must be a regressor (squared-error or Huber) on the {Features.Count} features of '{Features.Id}'; got {member.Options.Loss} on {member.FeatureCount}.",
                    nameof(members));
            }
        }

        if (metalClassifier is not null && metalClassifier.Features != Features)
        {
            throw new ArgumentException($"The metal classifier uses '{metalClassifier.Features.Id}' but the members use '{Features.Id}'.", nameof(metalClassifier));
        }

        TargetProperty = targetProperty;
        _members = [.. members];
        _forest = new CompiledForest(_members);
        _classifierForest = metalClassifier is null ? null : new CompiledForest([metalClassifier.Model]);
        Calibration = calibration;
        MetalClassifier = metalClassifier;
    }

    public string Name => Kind;

    public string TargetProperty { get; }

    public string FeatureSetId => Features.Id;

    public GbdtFeatureSet Features { get; }

    public IReadOnlyList<GradientBoostedTrees> Members => _members;

    public PredictorCalibration Calibration { get; }

    public MetalClassifier? MetalClassifier { get; }

    /// <summary>Always null: every parsed composition has Magpie features (missing element data become NaN, which the trees handle).</summary>
    public string? Unsupported(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        return null;
    }

    public void Predict(ReadOnlySpan<Composition> compositions, Span<double> mean, Span<double> standardDeviation)
    {
        PredictionGuards.CheckLengths(compositions.Length, mean.Length, standardDeviation.Length);
        var members = new double[_members.Length * compositions.Length];
        var gate = MetalClassifier is not null && Calibration.ZeroPredictedMetals;
        var metal = gate ? new double[compositions.Length] : null;
        Score(compositions, members, metal);
        EnsembleStatistics.Combine(members, _members.Length, mean, standardDeviation);
        if (metal is not null)
        {
            for (var i = 0; i < metal.Length; i++)
            {
                mean[i] = metal[i] > 0.5 ? 0.0 : mean[i];
            }
        }

        Calibration.Apply(mean, standardDeviation);
    }

    /// <summary>Raw member predictions, member-major: <c>destination[k·n + i]</c> is member k on composition i.</summary>
    public void PredictMembers(ReadOnlySpan<Composition> compositions, Span<double> destination)
    {
        var n = compositions.Length;
        if (destination.Length != n * _members.Length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values; {_members.Length} members × {n} rows are needed.", nameof(destination));
        }

        var output = new double[destination.Length];
        Score(compositions, output, null);
        output.CopyTo(destination);
    }

    /// <summary>Featurises each block of rows once and scores it with every member (and the metal classifier when asked).</summary>
    private void Score(ReadOnlySpan<Composition> compositions, double[] members, double[]? metal)
    {
        var items = compositions.ToArray();
        var blocks = (items.Length + RowsPerBlock - 1) / RowsPerBlock;
        Parallel.For(
            0,
            blocks,
            () => new double[RowsPerBlock * Features.Count],
            (block, _, features) =>
            {
                var start = block * RowsPerBlock;
                ScoreBlock(items, start, Math.Min(RowsPerBlock, items.Length - start), features, members, metal);
                return features;
            },
            _ => { });
    }

    private void ScoreBlock(
        Composition[] items, int start, int rows, double[] features, double[] members, double[]? metal)
    {
        var columns = Features.Count;
        for (var row = 0; row < rows; row++)
        {
            Features.Featurize(items[start + row], features.AsSpan(row * columns, columns));
        }

        var block = features.AsSpan(0, rows * columns);
        var n = items.Length;
        for (var k = 0; k < _members.Length; k++)
        {
            _forest.Predict(k, block, members.AsSpan((k * n) + start, rows));
        }

        if (metal is not null)
        {
            _classifierForest!.Predict(0, block, metal.AsSpan(start, rows));
        }
    }
}
