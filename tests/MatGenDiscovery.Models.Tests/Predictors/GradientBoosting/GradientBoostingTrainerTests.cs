using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Tests.Predictors.GradientBoosting;

public sealed class GradientBoostingTrainerTests
{
    private static readonly GradientBoostingOptions _stumpOptions = new()
    {
        NumTrees = 1,
        LearningRate = 1,
        MaxLeaves = 2,
        MinSamplesLeaf = 1,
        MinHessianLeaf = 0,
    };

    // Column 0 is x = 1..5 (y = 0,0,0,10,10); column 1 is a weaker distractor.
    private static readonly double[] _stumpFeatures = [1, 1, 2, 2, 3, 1, 4, 2, 5, 1];
    private static readonly double[] _stumpTargets = [0, 0, 0, 10, 10];

    [Fact]
    public void Fit_Stump_ChoosesAnalyticallyBestSplitWithLambda()
    {
        // Base score 4, gradients ŷ − y = (4, 4, 4, −6, −6), hessians 1. Split x ≤ 3.5: G_L = 12, H_L = 3, G_R = −12, H_R = 2.
        // λ = 1: gain = ½(144/4 + 144/3 − 0/6) = 42; leaves −12/4 = −3 and 12/3 = 4.
        var fit = new GradientBoostingTrainer(_stumpOptions with { L2Regularization = 1 }).Fit<double>(_stumpFeatures, 2, _stumpTargets);

        var tree = fit.Model.Trees.Should().ContainSingle().Subject;
        fit.Model.BaseScore.Should().Be(4);
        tree.Nodes.ToArray().Should().ContainSingle().Which.Should().Be(new TreeNode(0, 3.5, true, ~0, ~1));
        tree.SplitGains[0].Should().BeApproximately(42, 1e-12);
        tree.LeafValues.ToArray().Should().Equal(-3, 4);
        tree.LeafSampleCounts.ToArray().Should().Equal(3, 2);
        fit.Model.PredictRow<double>([2.0, 1.0]).Should().BeApproximately(1, 1e-12);
        fit.Model.PredictRow<double>([5.0, 1.0]).Should().BeApproximately(8, 1e-12);
    }

    [Fact]
    public void Fit_StumpWithoutLambda_LeafValuesAreResidualMeans()
    {
        // λ = 0: gain = ½(144/3 + 144/2) = 60; leaves −4 and +6 reproduce the targets exactly.
        var fit = new GradientBoostingTrainer(_stumpOptions with { L2Regularization = 0 }).Fit<double>(_stumpFeatures, 2, _stumpTargets);

        var tree = fit.Model.Trees[0];
        tree.SplitGains[0].Should().BeApproximately(60, 1e-12);
        tree.LeafValues.ToArray().Should().Equal(-4, 6);
        fit.Model.PredictRows<double>(_stumpFeatures).Should().Equal(0, 0, 0, 10, 10);
    }

    [Fact]
    public void Fit_MinSplitGainAboveBestGain_GrowsSingleLeaf()
    {
        var fit = new GradientBoostingTrainer(_stumpOptions with { L2Regularization = 1, MinSplitGain = 42 }).Fit<double>(_stumpFeatures, 2, _stumpTargets);

        var tree = fit.Model.Trees[0];
        tree.LeafCount.Should().Be(1);
        tree.LeafValues[0].Should().BeApproximately(0, 1e-12);
    }

    [Fact]
    public void Fit_LeafWise_ProducesExactlyMaxLeavesWithinMaxDepth()
    {
        var (x, y) = SyntheticData.Friedman1(2_000, 1.0, seed: 1);
        var options = new GradientBoostingOptions { NumTrees = 5, MaxLeaves = 7, MaxDepth = 20, MinSamplesLeaf = 5 };

        var model = new GradientBoostingTrainer(options).Fit<double>(x, 10, y).Model;

        model.Trees.Should().OnlyContain(tree => tree.LeafCount == 7 && tree.Depth <= 6);
    }

    [Fact]
    public void Fit_LeafWiseWithShallowDepth_RespectsMaxDepth()
    {
        var (x, y) = SyntheticData.Friedman1(2_000, 1.0, seed: 1);
        var options = new GradientBoostingOptions { NumTrees = 5, MaxLeaves = 100, MaxDepth = 2, MinSamplesLeaf = 5 };

        var model = new GradientBoostingTrainer(options).Fit<double>(x, 10, y).Model;

        model.Trees.Should().OnlyContain(tree => tree.Depth == 2 && tree.LeafCount == 4);
    }

    [Fact]
    public void Fit_DepthWise_FillsLevelsInOrder()
    {
        var (x, y) = SyntheticData.Friedman1(2_000, 1.0, seed: 2);
        var full = new GradientBoostingOptions { NumTrees = 4, Growth = TreeGrowth.DepthWise, MaxDepth = 3, MaxLeaves = 1_000, MinSamplesLeaf = 5 };

        var fullTrees = new GradientBoostingTrainer(full).Fit<double>(x, 10, y).Model.Trees;
        var cappedTrees = new GradientBoostingTrainer(full with { MaxLeaves = 6 }).Fit<double>(x, 10, y).Model.Trees;
        var balancedTrees = new GradientBoostingTrainer(full with { MaxLeaves = 4, MaxDepth = 10 }).Fit<double>(x, 10, y).Model.Trees;

        fullTrees.Should().OnlyContain(tree => tree.LeafCount == 8 && tree.Depth == 3);
        cappedTrees.Should().OnlyContain(tree => tree.LeafCount == 6 && tree.Depth == 3);
        balancedTrees.Should().OnlyContain(tree => tree.LeafCount == 4 && tree.Depth == 2);
    }

    [Fact]
    public void Fit_MinSamplesLeaf_EveryLeafHasEnoughRows()
    {
        var (x, y) = SyntheticData.Friedman1(600, 1.0, seed: 3);
        var options = new GradientBoostingOptions { NumTrees = 10, MaxLeaves = 64, MinSamplesLeaf = 37, Subsample = 0.8 };

        var model = new GradientBoostingTrainer(options).Fit<double>(x, 10, y).Model;

        var leafCounts = model.Trees.Select(tree => tree.LeafSampleCounts.ToArray()).ToArray();
        leafCounts.SelectMany(counts => counts).Should().OnlyContain(count => count >= 37);
        leafCounts.Select(counts => counts.Sum()).Should().OnlyContain(sum => sum == 480);
        model.Trees.Should().Contain(tree => tree.LeafCount > 4);
    }

    [Fact]
    public void Fit_SameSeed_GivesIdenticalModelJson()
    {
        var (x, y) = SyntheticData.Friedman1(3_000, 1.0, seed: 4);
        var options = new GradientBoostingOptions { NumTrees = 8, Subsample = 0.5, ColumnSubsample = 0.6, Seed = 7 };
        var schema = new FeatureSchema("friedman-10", [.. Enumerable.Range(0, 10).Select(i => $"x{i}")]);

        var first = GradientBoostedTreesSerializer.Serialize(new GradientBoostingTrainer(options).Fit<double>(x, 10, y).Model, schema);
        var second = GradientBoostedTreesSerializer.Serialize(new GradientBoostingTrainer(options).Fit<double>(x, 10, y).Model, schema);
        var otherSeed = GradientBoostedTreesSerializer.Serialize(new GradientBoostingTrainer(options with { Seed = 8 }).Fit<double>(x, 10, y).Model, schema);

        second.Should().Be(first);
        otherSeed.Should().NotBe(first);
    }

    [Fact]
    public void Fit_OneThreadOrAllCores_GivesIdenticalModelJson()
    {
        // 4,000 rows × 10 features is above the per-node work threshold, so the root and large nodes run in parallel.
        var (x, y) = SyntheticData.Friedman1(4_000, 1.0, seed: 4);
        var options = new GradientBoostingOptions { NumTrees = 6, MaxLeaves = 63, Subsample = 0.9, Seed = 7 };
        var schema = new FeatureSchema("friedman-10", [.. Enumerable.Range(0, 10).Select(i => $"x{i}")]);

        var parallel = GradientBoostedTreesSerializer.Serialize(new GradientBoostingTrainer(options, maxDegreeOfParallelism: -1).Fit<double>(x, 10, y).Model, schema);
        var singleThread = GradientBoostedTreesSerializer.Serialize(new GradientBoostingTrainer(options, maxDegreeOfParallelism: 1).Fit<double>(x, 10, y).Model, schema);

        singleThread.Should().Be(parallel);
    }

    [Fact]
    public void Fit_ColumnSubsample_TreesSplitOnlyOnDrawnColumns()
    {
        var (x, y) = SyntheticData.Friedman1(1_000, 1.0, seed: 5);
        var options = new GradientBoostingOptions { NumTrees = 10, ColumnSubsample = 0.2, Seed = 3 };

        var model = new GradientBoostingTrainer(options).Fit<double>(x, 10, y).Model;

        var featuresPerTree = model.Trees.Select(tree => tree.Nodes.ToArray().Select(node => node.Feature).Distinct().ToArray()).ToArray();
        featuresPerTree.Select(features => features.Length).Should().OnlyContain(count => count >= 1 && count <= 2);
        featuresPerTree.SelectMany(features => features).Distinct().Count().Should().BeGreaterThan(2);
    }

    [Fact]
    public void Fit_EarlyStopping_StopsAndKeepsBestIteration()
    {
        var (x, _) = SyntheticData.Friedman1(800, 0, seed: 6);
        var random = new Random(6);
        var y = Enumerable.Range(0, 800).Select(_ => SyntheticData.Gaussian(random)).ToArray();
        var options = new GradientBoostingOptions
        {
            NumTrees = 300, LearningRate = 0.5, MaxLeaves = 31, MinSamplesLeaf = 2, EarlyStoppingRounds = 5,
        };

        var fit = new GradientBoostingTrainer(options).Fit<double>(x.AsSpan(0, 4_000), 10, y.AsSpan(0, 400), x.AsSpan(4_000), y.AsSpan(400));

        var history = fit.History;
        history.StoppedEarly.Should().BeTrue();
        fit.Model.Trees.Should().HaveCount(history.BestTreeCount);
        history.ValidationMetric.Should().HaveCount(history.BestTreeCount + 5);
        history.ValidationMetric![history.BestTreeCount - 1].Should().Be(history.ValidationMetric.Min());
        var validationPredictions = fit.Model.PredictRows<double>(x.AsSpan(4_000));
        SyntheticData.Rmse(validationPredictions, y[400..]).Should().BeApproximately(history.ValidationMetric[history.BestTreeCount - 1], 1e-9);
    }

    [Fact]
    public void Fit_ValidationWithoutEarlyStopping_KeepsAllTreesAndRecordsMetric()
    {
        var (x, y) = SyntheticData.Friedman1(600, 1.0, seed: 7);

        var fit = new GradientBoostingTrainer(new GradientBoostingOptions { NumTrees = 12 })
            .Fit<double>(x.AsSpan(0, 4_000), 10, y.AsSpan(0, 400), x.AsSpan(4_000), y.AsSpan(400));

        fit.Model.Trees.Should().HaveCount(12);
        fit.History.BestTreeCount.Should().Be(12);
        fit.History.ValidationMetric.Should().HaveCount(12);
        fit.History.TrainMetric.Should().BeInDescendingOrder();
    }

    [Fact]
    public void Fit_MissingValuesWithOwnTarget_LearnsNaNBranch()
    {
        var random = new Random(8);
        var x = new double[1_000];
        var y = new double[1_000];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = i % 5 == 0 ? double.NaN : random.NextDouble();
            y[i] = double.IsNaN(x[i]) ? 5 : x[i] > 0.5 ? 1 : 0;
        }

        var options = new GradientBoostingOptions { NumTrees = 30, LearningRate = 0.5, MaxLeaves = 4, L2Regularization = 0 };
        var model = new GradientBoostingTrainer(options).Fit<double>(x, 1, y).Model;

        model.PredictRow<double>([double.NaN]).Should().BeApproximately(5, 1e-3);
        model.PredictRow<double>([0.2]).Should().BeApproximately(0, 1e-3);
        model.PredictRow<double>([0.8]).Should().BeApproximately(1, 1e-3);
    }

    [Fact]
    public void Fit_MissingValuesLikeHighGroup_LearnsDefaultDirection()
    {
        var random = new Random(9);
        var x = new double[1_000];
        var y = new double[1_000];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = i % 4 == 0 ? double.NaN : random.NextDouble();
            y[i] = double.IsNaN(x[i]) || x[i] > 0.5 ? 1 : 0;
        }

        var options = _stumpOptions with { L2Regularization = 0 };
        var tree = new GradientBoostingTrainer(options).Fit<double>(x, 1, y).Model.Trees[0];

        tree.Nodes[0].DefaultLeft.Should().BeFalse();
        tree.Nodes[0].Threshold.Should().BeInRange(0.49, 0.51);
        tree.Evaluate<double>([double.NaN]).Should().Be(tree.Evaluate<double>([0.9]));
    }

    [Fact]
    public void Fit_Friedman1_BeatsConstantBaselineWidely()
    {
        var (trainX, trainY) = SyntheticData.Friedman1(2_000, 1.0, seed: 10);
        var (testX, testY) = SyntheticData.Friedman1(2_000, 1.0, seed: 11);
        var options = new GradientBoostingOptions { NumTrees = 300, LearningRate = 0.05, MaxLeaves = 15, MinSamplesLeaf = 10, Subsample = 0.8, Seed = 1 };

        var model = new GradientBoostingTrainer(options).Fit<double>(trainX, 10, trainY).Model;

        var rmse = SyntheticData.Rmse(model.PredictRows<double>(testX), testY);
        var baseline = SyntheticData.Rmse(Enumerable.Repeat(trainY.Average(), testY.Length).ToArray(), testY);
        baseline.Should().BeGreaterThan(4.5);
        rmse.Should().BeLessThan(0.35 * baseline).And.BeLessThan(1.6);
    }

    [Fact]
    public void Fit_StepFunction_IsLearnedAlmostExactly()
    {
        // Values on a 0.01 grid give 100 distinct values per column, fewer than the 255 bins, so bin bounds can
        // separate the steps exactly and the shrunken residual (≈ 0.7 per tree) vanishes.
        var random = new Random(12);
        var x = Enumerable.Range(0, 3 * 1_500).Select(_ => random.Next(100) / 100.0).ToArray();
        var y = Enumerable.Range(0, 1_500).Select(i => Step(x.AsSpan(i * 3, 3))).ToArray();
        var options = new GradientBoostingOptions { NumTrees = 60, LearningRate = 0.3, MaxLeaves = 8 };

        var model = new GradientBoostingTrainer(options).Fit<double>(x.AsSpan(0, 3_000), 3, y.AsSpan(0, 1_000)).Model;

        var predictions = model.PredictRows<double>(x.AsSpan(3_000));
        predictions.Zip(y[1_000..], (p, t) => Math.Abs(p - t)).Max().Should().BeLessThan(1e-6);
        model.Trees[0].Nodes.ToArray().Select(node => node.Threshold)
            .Should().OnlyContain(t => Math.Abs(t - 0.305) < 1e-12 || Math.Abs(t - 0.705) < 1e-12);

        static double Step(ReadOnlySpan<double> row) => (row[0] > 0.3 ? 3 : 0) - (row[1] > 0.7 ? 2 : 0);
    }

    [Fact]
    public void Fit_Logistic_ClassifiesNonLinearBoundary()
    {
        var (trainX, trainY) = SyntheticData.SineBoundary(3_000, 0.05, seed: 13);
        var (testX, testY) = SyntheticData.SineBoundary(2_000, 0.05, seed: 14);
        var options = new GradientBoostingOptions { Loss = GradientBoostingLoss.Logistic, NumTrees = 150, LearningRate = 0.1, MaxLeaves = 15 };

        var fit = new GradientBoostingTrainer(options).Fit<double>(trainX, 4, trainY, testX, testY);

        var probabilities = fit.Model.PredictRows<double>(testX);
        probabilities.Should().OnlyContain(p => p > 0 && p < 1);
        var accuracy = probabilities.Zip(testY, (p, y) => (p > 0.5 ? 1.0 : 0.0) == y).Count(correct => correct) / (double)testY.Length;
        accuracy.Should().BeGreaterThan(0.93);
        var positiveRate = trainY.Average();
        var baselineLogLoss = -((positiveRate * Math.Log(positiveRate)) + ((1 - positiveRate) * Math.Log(1 - positiveRate)));
        fit.History.ValidationMetric![^1].Should().BeLessThan(0.4 * baselineLogLoss);
        fit.Model.BaseScore.Should().BeApproximately(Math.Log(positiveRate / (1 - positiveRate)), 1e-12);
    }

    [Fact]
    public void Fit_FloatInput_MatchesDoubleInput()
    {
        var (x, y) = SyntheticData.Friedman1(500, 1.0, seed: 15);
        var singles = x.Select(value => (float)value).ToArray();
        var singleTargets = y.Select(value => (float)value).ToArray();
        var options = new GradientBoostingOptions { NumTrees = 5 };

        var fromSingles = new GradientBoostingTrainer(options).Fit<float>(singles, 10, singleTargets).Model;
        var fromDoubles = new GradientBoostingTrainer(options).Fit<double>(
            [.. singles.Select(value => (double)value)], 10, [.. singleTargets.Select(value => (double)value)]).Model;

        fromSingles.PredictRows<float>(singles).Should().Equal(fromDoubles.PredictRows<float>(singles));
    }

    [Fact]
    public void Fit_FeatureLengthMismatch_ThrowsNamingShapes()
    {
        var act = () => new GradientBoostingTrainer(new GradientBoostingOptions()).Fit<double>(new double[10], 3, new double[4]);

        act.Should().Throw<ArgumentException>().WithMessage("*10 values*4 rows × 3 columns*").Which.ParamName.Should().Be("features");
    }

    [Fact]
    public void Fit_NonFiniteRegressionTarget_Throws()
    {
        var act = () => new GradientBoostingTrainer(new GradientBoostingOptions()).Fit<double>([1, 2], 1, [0, double.NaN]);

        act.Should().Throw<ArgumentException>().WithMessage("Target 1 is NaN*").Which.ParamName.Should().Be("targets");
    }

    [Fact]
    public void Fit_LogisticTargetNotBinary_Throws()
    {
        var options = new GradientBoostingOptions { Loss = GradientBoostingLoss.Logistic };

        var act = () => new GradientBoostingTrainer(options).Fit<double>([1, 2, 3], 1, [0, 1, 2]);

        act.Should().Throw<ArgumentException>().WithMessage("Target 2 is 2*0 or 1*");
    }

    [Fact]
    public void Fit_EarlyStoppingWithoutValidation_Throws()
    {
        var options = new GradientBoostingOptions { EarlyStoppingRounds = 3 };

        var act = () => new GradientBoostingTrainer(options).Fit<double>([1, 2], 1, [0, 1]);

        act.Should().Throw<ArgumentException>().WithMessage("*EarlyStoppingRounds*validation*");
    }

    [Fact]
    public void Constructor_ZeroThreads_Throws()
    {
        var act = () => new GradientBoostingTrainer(new GradientBoostingOptions(), maxDegreeOfParallelism: 0);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("maxDegreeOfParallelism");
    }
}
