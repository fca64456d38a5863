using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Tests.Predictors.GradientBoosting;

public sealed class GradientBoostingOptionsTests
{
    public static TheoryData<Func<GradientBoostingOptions>, string> InvalidOptions => new()
    {
        { () => new GradientBoostingOptions { NumTrees = 0 }, nameof(GradientBoostingOptions.NumTrees) },
        { () => new GradientBoostingOptions { LearningRate = 0 }, nameof(GradientBoostingOptions.LearningRate) },
        { () => new GradientBoostingOptions { LearningRate = 1.5 }, nameof(GradientBoostingOptions.LearningRate) },
        { () => new GradientBoostingOptions { LearningRate = double.NaN }, nameof(GradientBoostingOptions.LearningRate) },
        { () => new GradientBoostingOptions { MaxDepth = 0 }, nameof(GradientBoostingOptions.MaxDepth) },
        { () => new GradientBoostingOptions { MaxLeaves = 1 }, nameof(GradientBoostingOptions.MaxLeaves) },
        { () => new GradientBoostingOptions { Growth = (TreeGrowth)7 }, nameof(GradientBoostingOptions.Growth) },
        { () => new GradientBoostingOptions { MinSamplesLeaf = 0 }, nameof(GradientBoostingOptions.MinSamplesLeaf) },
        { () => new GradientBoostingOptions { MinHessianLeaf = -1e-9 }, nameof(GradientBoostingOptions.MinHessianLeaf) },
        { () => new GradientBoostingOptions { L2Regularization = -1 }, nameof(GradientBoostingOptions.L2Regularization) },
        { () => new GradientBoostingOptions { L2Regularization = double.PositiveInfinity }, nameof(GradientBoostingOptions.L2Regularization) },
        { () => new GradientBoostingOptions { MinSplitGain = -0.5 }, nameof(GradientBoostingOptions.MinSplitGain) },
        { () => new GradientBoostingOptions { Subsample = 0 }, nameof(GradientBoostingOptions.Subsample) },
        { () => new GradientBoostingOptions { Subsample = 1.01 }, nameof(GradientBoostingOptions.Subsample) },
        { () => new GradientBoostingOptions { ColumnSubsample = -0.2 }, nameof(GradientBoostingOptions.ColumnSubsample) },
        { () => new GradientBoostingOptions { MaxBins = 1 }, nameof(GradientBoostingOptions.MaxBins) },
        { () => new GradientBoostingOptions { MaxBins = 256 }, nameof(GradientBoostingOptions.MaxBins) },
        { () => new GradientBoostingOptions { EarlyStoppingRounds = 0 }, nameof(GradientBoostingOptions.EarlyStoppingRounds) },
        { () => new GradientBoostingOptions { Loss = (GradientBoostingLoss)(-1) }, nameof(GradientBoostingOptions.Loss) },
        { () => GradientBoostingOptions.MatGanBandGap with { Subsample = 2 }, nameof(GradientBoostingOptions.Subsample) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Init_InvalidValue_ThrowsNamingProperty(Func<GradientBoostingOptions> create, string property)
    {
        var act = () => create();

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(property);
    }

    [Fact]
    public void MatGanBandGap_MatchesPaperSettings()
    {
        var options = GradientBoostingOptions.MatGanBandGap;

        options.LearningRate.Should().Be(0.06);
        options.MaxDepth.Should().Be(20);
        options.Subsample.Should().Be(0.4);
        options.NumTrees.Should().Be(100);
        options.Loss.Should().Be(GradientBoostingLoss.SquaredError);
        options.MaxLeaves.Should().BeInRange(2, 1 << 20);
    }

    [Fact]
    public void Init_ValidValues_AreKept()
    {
        var options = new GradientBoostingOptions { MaxBins = 2, EarlyStoppingRounds = 5, Subsample = 1, MinHessianLeaf = 0 };

        options.MaxBins.Should().Be(2);
        options.EarlyStoppingRounds.Should().Be(5);
        (options with { EarlyStoppingRounds = null }).EarlyStoppingRounds.Should().BeNull();
    }
}
