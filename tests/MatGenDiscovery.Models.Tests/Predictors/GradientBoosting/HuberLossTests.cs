using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Tests.Predictors.GradientBoosting;

/// <summary><see cref="GradientBoostingLoss.Huber"/> through the public trainer (the loss class itself is internal).</summary>
public sealed class HuberLossTests
{
    private static readonly GradientBoostingOptions _stumpOptions = new()
    {
        NumTrees = 1,
        LearningRate = 1,
        MaxLeaves = 2,
        MinSamplesLeaf = 1,
        MinHessianLeaf = 0,
        L2Regularization = 0,
        Loss = GradientBoostingLoss.Huber,
        HuberDelta = 1,
    };

    [Fact]
    public void Fit_Stump_StartsAtMedianAndClipsResiduals()
    {
        // y = (0, 0, 0, 10, 10): median 0; gradients ŷ − y = (0, 0, 0, −10, −10) clipped to (0, 0, 0, −1, −1);
        // split x ≤ 3.5: leaves 0 and +1 (a squared-error stump would jump to +10).
        double[] features = [1, 2, 3, 4, 5];
        double[] targets = [0, 0, 0, 10, 10];

        var fit = new GradientBoostingTrainer(_stumpOptions).Fit<double>(features, 1, targets);

        fit.Model.BaseScore.Should().Be(0);
        fit.Model.Trees[0].LeafValues.ToArray().Should().Equal(0, 1);
        fit.Model.PredictRows<double>(features).Should().Equal(0, 0, 0, 1, 1);
    }

    [Fact]
    public void Fit_EvenCount_BaseScoreIsMiddleAverage()
    {
        var fit = new GradientBoostingTrainer(_stumpOptions with { NumTrees = 1 }).Fit<double>([1, 2, 3, 4], 1, [1, 2, 4, 100]);

        fit.Model.BaseScore.Should().Be(3);
    }

    [Fact]
    public void Fit_WithValidation_TracksMeanAbsoluteError()
    {
        var fit = new GradientBoostingTrainer(_stumpOptions).Fit<double>([1, 2, 3, 4, 5], 1, [0, 0, 0, 10, 10], [1, 5], [2, 2]);

        // Validation predictions 0 and 1 against 2 and 2: MAE (2 + 1) / 2.
        fit.History.ValidationMetric.Should().ContainSingle().Which.Should().BeApproximately(1.5, 1e-12);
    }

    [Fact]
    public void Fit_GrossOutliers_HuberHasLowerCleanErrorThanSquaredError()
    {
        var (x, y) = SyntheticData.Friedman1(3000, noise: 0.5, seed: 5);
        var random = new Random(6);
        for (var i = 0; i < y.Length; i++)
        {
            y[i] += random.NextDouble() < 0.05 ? 60 : 0;
        }

        var (testX, testY) = SyntheticData.Friedman1(1000, noise: 0, seed: 7);
        var options = new GradientBoostingOptions { NumTrees = 150, LearningRate = 0.1, MaxLeaves = 15, Seed = 1 };

        var squared = new GradientBoostingTrainer(options).Fit<double>(x, 10, y).Model.PredictRows<double>(testX);
        var huber = new GradientBoostingTrainer(options with { Loss = GradientBoostingLoss.Huber, HuberDelta = 1 }).Fit<double>(x, 10, y).Model.PredictRows<double>(testX);

        static double Mae(double[] p, double[] t) => p.Zip(t, (a, b) => Math.Abs(a - b)).Average();
        Mae(huber, testY).Should().BeLessThan(0.5 * Mae(squared, testY));
    }

    [Fact]
    public void Fit_SameSeed_IsDeterministic()
    {
        var (x, y) = SyntheticData.Friedman1(500, noise: 1, seed: 3);
        var options = new GradientBoostingOptions { NumTrees = 20, Subsample = 0.7, ColumnSubsample = 0.5, Loss = GradientBoostingLoss.Huber, HuberDelta = 0.5, Seed = 9 };

        var a = new GradientBoostingTrainer(options).Fit<double>(x, 10, y).Model.PredictRows<double>(x);
        var b = new GradientBoostingTrainer(options, maxDegreeOfParallelism: 1).Fit<double>(x, 10, y).Model.PredictRows<double>(x);

        a.Should().Equal(b);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void HuberDelta_NotPositiveFinite_ThrowsNamingIt(double delta)
    {
        var act = () => new GradientBoostingOptions { HuberDelta = delta };

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(nameof(GradientBoostingOptions.HuberDelta));
    }
}
