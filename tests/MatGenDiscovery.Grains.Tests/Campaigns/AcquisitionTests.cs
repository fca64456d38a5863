using MatGenDiscovery.Grains.Campaigns;

namespace MatGenDiscovery.Grains.Tests.Campaigns;

public sealed class AcquisitionTests
{
    [Fact]
    public void ExpectedImprovement_UnitStdAtOneAboveIncumbent_MatchesClosedForm()
    {
        // d = 1, σ = 1: EI = Φ(1) + φ(1) = 0.841344746 + 0.241970725.
        Acquisition.ExpectedImprovement(1, 1, 0, 0).Should().BeApproximately(1.083315471, 1e-6);
    }

    [Fact]
    public void ExpectedImprovement_BelowIncumbent_IsPositiveButSmallerThanAbove()
    {
        var below = Acquisition.ExpectedImprovement(-1, 0.5, 0, 0);
        var above = Acquisition.ExpectedImprovement(1, 0.5, 0, 0);

        below.Should().BeGreaterThan(0).And.BeLessThan(above);
        // d = −1, σ = 0.5, z = −2: −Φ(−2) + 0.5 φ(−2) = −0.022750132 + 0.026995483.
        below.Should().BeApproximately(0.004245351, 1e-6);
    }

    [Fact]
    public void ExpectedImprovement_ZeroStd_IsPositivePartOfImprovement()
    {
        Acquisition.ExpectedImprovement(2, 0, 0.5, 0.1).Should().BeApproximately(1.4, 1e-12);
        Acquisition.ExpectedImprovement(0, 0, 0.5, 0).Should().Be(0);
    }

    [Fact]
    public void Score_Ucb_IsMeanPlusKappaStd()
    {
        var scores = Acquisition.Score("ucb", [1.0, 2.0], [0.5, 0.0], 0, 2.0, 0, new Random(1));

        scores.Should().Equal(2.0, 2.0);
    }

    [Fact]
    public void Score_Greedy_IgnoresUncertainty()
    {
        var scores = Acquisition.Score("greedy", [1.0, 2.0], [10.0, 0.0], 0, 2.0, 0, new Random(1));

        Acquisition.Top(scores, 1, ["a", "b"]).Should().Equal(1);
    }

    [Fact]
    public void Score_Random_SameSeedSameScoresDifferentSeedDifferent()
    {
        double[] mean = [0, 0, 0, 0, 0];
        var a = Acquisition.Score("random", mean, mean, 0, 0, 0, new Random(5));
        var b = Acquisition.Score("random", mean, mean, 0, 0, 0, new Random(5));
        var c = Acquisition.Score("random", mean, mean, 0, 0, 0, new Random(6));

        a.Should().Equal(b);
        a.Should().NotEqual(c);
    }

    [Fact]
    public void Score_UnknownKind_ThrowsNamingIt()
    {
        var act = () => Acquisition.Score("thompson", [1.0], [1.0], 0, 0, 0, new Random(1));

        act.Should().Throw<ArgumentException>().WithMessage("*thompson*");
    }

    [Fact]
    public void Top_Ties_BrokenByNameOrdinal()
    {
        Acquisition.Top([1.0, 1.0, 0.5], 2, ["b", "a", "c"]).Should().Equal(1, 0);
    }

    [Fact]
    public void NormalCdf_KnownValues_Match()
    {
        Acquisition.NormalCdf(0).Should().BeApproximately(0.5, 1e-7);
        Acquisition.NormalCdf(1.959964).Should().BeApproximately(0.975, 1e-6);
    }
}
