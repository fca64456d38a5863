using System.Numerics;

namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>
/// Trains histogram gradient-boosted trees (LightGBM-style). Results depend only on the data and
/// <see cref="GradientBoostingOptions"/> (including its seed), not on the number of threads.
/// </summary>
public sealed class GradientBoostingTrainer
{
    private readonly ParallelOptions _parallelOptions;
    private readonly LossFunction _loss;

    /// <param name="maxDegreeOfParallelism">Threads for histogram construction; −1 uses every core.</param>
    public GradientBoostingTrainer(GradientBoostingOptions options, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use −1 (all cores) or a positive thread count.");
        }

        Options = options;
        _parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        _loss = LossFunction.For(options);
    }

    public GradientBoostingOptions Options { get; }

    /// <param name="features">Row-major n × <paramref name="columnCount"/> matrix; NaN marks a missing value.</param>
    /// <param name="targets">n targets: real values, or 0/1 for logistic loss.</param>
    public GradientBoostingFit Fit<T>(ReadOnlySpan<T> features, int columnCount, ReadOnlySpan<T> targets)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Fit(features, columnCount, targets, [], []);

    /// <summary>Trains, tracking the metric on a validation set; with early stopping the best iteration is kept.</summary>
    public GradientBoostingFit Fit<T>(
        ReadOnlySpan<T> features,
        int columnCount,
        ReadOnlySpan<T> targets,
        ReadOnlySpan<T> validationFeatures,
        ReadOnlySpan<T> validationTargets)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var trainTargets = CheckTargets(features, columnCount, targets, nameof(features), nameof(targets));
        var hasValidation = validationTargets.Length > 0 || validationFeatures.Length > 0;
        var validationY = hasValidation
            ? CheckTargets(validationFeatures, columnCount, validationTargets, nameof(validationFeatures), nameof(validationTargets))
            : [];
        if (Options.EarlyStoppingRounds is not null && !hasValidation)
        {
            throw new ArgumentException("EarlyStoppingRounds is set but no validation set was given.", nameof(validationFeatures));
        }

        var binning = FeatureBinning.Fit(features, columnCount, Options.MaxBins, Options.Seed, FeatureBinning.DefaultSampleSize, _parallelOptions);
        var data = BinnedMatrix.Create(features, binning, _parallelOptions);
        var validationX = new double[validationFeatures.Length];
        for (var i = 0; i < validationX.Length; i++)
        {
            validationX[i] = double.CreateTruncating(validationFeatures[i]);
        }

        return Boost(data, trainTargets, validationX, validationY, hasValidation);
    }

    private GradientBoostingFit Boost(BinnedMatrix data, double[] targets, double[] validationX, double[] validationY, bool hasValidation)
    {
        var n = data.RowCount;
        var columnCount = data.ColumnCount;
        var baseScore = _loss.BaseScore(targets);
        var scores = Enumerable.Repeat(baseScore, n).ToArray();
        var validationScores = Enumerable.Repeat(baseScore, validationY.Length).ToArray();
        var gradients = new double[n];
        var hessians = new double[n];
        var rowIndices = Enumerable.Range(0, n).ToArray();
        var columnIndices = Enumerable.Range(0, columnCount).ToArray();
        var rowRandom = new Random(Options.Seed);
        var columnRandom = new Random(unchecked(Options.Seed ^ 0x5BD1E995));
        var bagSize = RowSampler.SampleSize(n, Options.Subsample);
        var featureCount = RowSampler.SampleSize(columnCount, Options.ColumnSubsample);
        var grower = new TreeGrower(data, Options, _parallelOptions);
        var trees = new List<RegressionTree>();
        var trainMetric = new List<double>();
        var validationMetric = new List<double>();
        var bestTreeCount = 0;
        var bestMetric = double.PositiveInfinity;
        var stoppedEarly = false;

        for (var round = 0; round < Options.NumTrees; round++)
        {
            _loss.ComputeGradients(scores, targets, gradients, hessians);
            var bag = Draw(rowIndices, bagSize, rowRandom);
            var features = Draw(columnIndices, featureCount, columnRandom);
            var grown = grower.Grow(bag, gradients, hessians, features, _loss.HasUnitHessians);
            trees.Add(grown.Tree);
            AddTreeToScores(grown, data, scores);
            trainMetric.Add(_loss.Metric(scores, targets));
            if (!hasValidation)
            {
                continue;
            }

            AddTreeToScores(grown.Tree, validationX, columnCount, validationScores);
            var metric = _loss.Metric(validationScores, validationY);
            validationMetric.Add(metric);
            if (metric < bestMetric)
            {
                bestMetric = metric;
                bestTreeCount = round + 1;
            }
            else if (Options.EarlyStoppingRounds is { } patience && round + 1 - bestTreeCount >= patience)
            {
                stoppedEarly = true;
                break;
            }
        }

        if (Options.EarlyStoppingRounds is null || bestTreeCount == 0)
        {
            bestTreeCount = trees.Count;
        }

        var model = new GradientBoostedTrees(Options, columnCount, baseScore, trees.GetRange(0, bestTreeCount));
        var history = new TrainingHistory(trainMetric, hasValidation ? validationMetric : null, bestTreeCount, stoppedEarly);
        return new GradientBoostingFit(model, history);
    }

    /// <summary>A seeded sorted subset; the full, unshuffled range when <paramref name="count"/> covers everything.</summary>
    private static int[] Draw(int[] indices, int count, Random random)
    {
        if (count == indices.Length)
        {
            return indices;
        }

        RowSampler.PartialShuffle(indices, count, random);
        var sample = indices[..count];
        Array.Sort(sample);
        return sample;
    }

    private void AddTreeToScores(GrownTree grown, BinnedMatrix data, double[] scores)
    {
        var leafValues = grown.Tree.LeafValues.ToArray();
        Parallel.For(0, (scores.Length + 4095) / 4096, _parallelOptions, block =>
        {
            var end = Math.Min(scores.Length, (block + 1) * 4096);
            for (var row = block * 4096; row < end; row++)
            {
                scores[row] += leafValues[grown.LeafOf(data, row)];
            }
        });
    }

    private static void AddTreeToScores(RegressionTree tree, double[] features, int columnCount, double[] scores)
    {
        for (var row = 0; row < scores.Length; row++)
        {
            scores[row] += tree.Evaluate(features.AsSpan(row * columnCount, columnCount));
        }
    }

    private double[] CheckTargets<T>(ReadOnlySpan<T> features, int columnCount, ReadOnlySpan<T> targets, string featuresName, string targetsName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columnCount, 1);
        if (targets.Length == 0)
        {
            throw new ArgumentException("At least one row is required.", targetsName);
        }

        if (features.Length != targets.Length * (long)columnCount)
        {
            throw new ArgumentException(
                $"{featuresName} has {features.Length} values but {targets.Length} rows × {columnCount} columns = {targets.Length * (long)columnCount} were expected.",
                featuresName);
        }

        var values = new double[targets.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = double.CreateTruncating(targets[i]);
        }

        _loss.ValidateTargets(values, targetsName);
        return values;
    }
}
