using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Tests.Predictors.GradientBoosting;

public sealed class GradientBoostedTreesTests
{
    private static readonly Lazy<(GradientBoostedTrees Model, double[] Features)> _friedman = new(() =>
    {
        var (x, y) = SyntheticData.Friedman1(2_000, 1.0, seed: 20);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { NumTrees = 20, MaxLeaves = 31 }).Fit<double>(x, 10, y).Model;
        return (model, x);
    });

    [Fact]
    public void PredictRows_ManyRows_BitIdenticalToPredictRow()
    {
        var (model, x) = _friedman.Value;
        x[5] = double.NaN;

        var batch = model.PredictRows<double>(x);

        batch.Should().HaveCount(2_000);
        for (var row = 0; row < batch.Length; row++)
        {
            batch[row].Should().Be(model.PredictRow<double>(x.AsSpan(row * 10, 10)));
        }
    }

    [Fact]
    public void PredictRow_SumsBaseScoreAndTreeLeaves()
    {
        var (model, x) = _friedman.Value;
        var row = x.AsSpan(30, 10);

        var expected = model.BaseScore;
        foreach (var tree in model.Trees)
        {
            expected += tree.LeafValues[tree.LeafIndex<double>(row)];
        }

        model.PredictRow<double>(row).Should().Be(expected);
        model.PredictRawRow<double>(row).Should().Be(expected);
    }

    [Fact]
    public void PredictRows_FloatFeatures_MatchDoubleFeaturesOfSameValues()
    {
        var (model, x) = _friedman.Value;
        var singles = x.Take(600 * 10).Select(value => (float)value).ToArray();
        var widened = singles.Select(value => (double)value).ToArray();

        model.PredictRows<float>(singles).Should().Equal(model.PredictRows<double>(widened));
    }

    [Fact]
    public void PredictRows_EmptyInput_ReturnsEmpty()
    {
        _friedman.Value.Model.PredictRows<double>([]).Should().BeEmpty();
    }

    [Fact]
    public void PredictRow_WrongLength_Throws()
    {
        var act = () => _friedman.Value.Model.PredictRow<double>(new double[9]);

        act.Should().Throw<ArgumentException>().WithMessage("*9 values*10 features*");
    }

    [Fact]
    public void PredictRows_LengthNotMultipleOfFeatures_Throws()
    {
        var act = () => _friedman.Value.Model.PredictRows<double>(new double[25]);

        act.Should().Throw<ArgumentException>().WithMessage("*25*10 features*");
    }

    [Fact]
    public void PredictRows_DestinationWrongLength_Throws()
    {
        var act = () => _friedman.Value.Model.PredictRows<double>(new double[20], new double[3]);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("destination");
    }

    [Fact]
    public void Constructor_TreeUsesUnknownFeature_Throws()
    {
        var tree = new RegressionTree([new TreeNode(4, 0.5, true, ~0, ~1)], [1.0], [0.0, 1.0], [1, 1]);

        var act = () => new GradientBoostedTrees(new GradientBoostingOptions(), 3, 0, [tree]);

        act.Should().Throw<ArgumentException>().WithMessage("*feature 4*3 features*");
    }

    [Fact]
    public void PredictRow_LogisticModel_ReturnsSigmoidOfRawScore()
    {
        var tree = new RegressionTree([new TreeNode(0, 0.5, false, ~0, ~1)], [1.0], [-2.0, 3.0], [1, 1]);
        var model = new GradientBoostedTrees(new GradientBoostingOptions { Loss = GradientBoostingLoss.Logistic }, 1, 0.5, [tree]);

        model.PredictRawRow<double>([0.9]).Should().Be(3.5);
        model.PredictRow<double>([0.9]).Should().BeApproximately(1 / (1 + Math.Exp(-3.5)), 1e-15);
        model.PredictRow<double>([double.NaN]).Should().BeApproximately(1 / (1 + Math.Exp(-3.5)), 1e-15);
        model.PredictRow<double>([0.1]).Should().BeApproximately(1 / (1 + Math.Exp(1.5)), 1e-15);
    }
}
