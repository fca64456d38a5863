using MatGenDiscovery.Models.Predictors;

namespace MatGenDiscovery.Models.Tests.Predictors;

public class EnsembleStatisticsTests
{
    [Fact]
    public void Combine_ThreeMembers_GivesMeanAndSampleStandardDeviation()
    {
        double[] members = [1, 10, 2, 10, 6, 10];
        var mean = new double[2];
        var sigma = new double[2];

        EnsembleStatistics.Combine(members, 3, mean, sigma);

        mean.Should().Equal(3, 10);
        sigma[0].Should().BeApproximately(Math.Sqrt(7), 1e-12, "((1−3)² + (2−3)² + (6−3)²) / 2 = 7");
        sigma[1].Should().Be(0);
    }

    [Fact]
    public void Combine_OneMember_HasZeroSigma()
    {
        var mean = new double[2];
        var sigma = new double[] { 9, 9 };

        EnsembleStatistics.Combine([4.0, 5.0], 1, mean, sigma);

        mean.Should().Equal(4, 5);
        sigma.Should().Equal(0, 0);
    }

    [Fact]
    public void Combine_LengthMismatch_Throws()
    {
        var act = () => EnsembleStatistics.Combine(new double[5], 2, new double[2], new double[2]);

        act.Should().Throw<ArgumentException>().WithMessage("*2 members × 2 rows*");
    }
}
