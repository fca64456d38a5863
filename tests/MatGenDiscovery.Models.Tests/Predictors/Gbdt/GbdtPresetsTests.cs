using MatGenDiscovery.Models.Predictors.Gbdt;
using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Tests.Predictors.Gbdt;

public sealed class GbdtPresetsTests
{
    [Fact]
    public void Get_Accurate_IsDefaultTreesOnHuberLossWithMoreRounds()
    {
        var accurate = GbdtPresets.Get(GbdtPresets.Accurate);
        var defaults = GbdtPresets.Get(GbdtPresets.Default);

        accurate.Loss.Should().Be(GradientBoostingLoss.Huber);
        accurate.HuberDelta.Should().Be(0.2);
        accurate.NumTrees.Should().BeGreaterThan(defaults.NumTrees);
        accurate.Should().Be(defaults with
        {
            NumTrees = accurate.NumTrees, EarlyStoppingRounds = accurate.EarlyStoppingRounds, Loss = GradientBoostingLoss.Huber, HuberDelta = 0.2,
        });
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingPresets()
    {
        var act = () => GbdtPresets.Get("slow");

        act.Should().Throw<ArgumentException>().WithMessage("*'slow'*accurate*");
    }
}
