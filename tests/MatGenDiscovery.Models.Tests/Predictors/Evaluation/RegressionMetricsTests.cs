using MatGenDiscovery.Models.Predictors.Evaluation;

namespace MatGenDiscovery.Models.Tests.Predictors.Evaluation;

public class RegressionMetricsTests
{
    [Fact]
    public void Compute_HandMadeCase_GivesMaeRmseAndRSquared()
    {
        // Errors 1, −1, 0, 2; targets mean 2.5, Σ(y − ȳ)² = 5.
        var metrics = RegressionMetrics.Compute([2, 1, 3, 6], [1, 2, 3, 4]);

        metrics.MeanAbsoluteError.Should().Be(1.0);
        metrics.RootMeanSquaredError.Should().BeApproximately(Math.Sqrt(1.5), 1e-12);
        metrics.RSquared.Should().BeApproximately(1 - (6.0 / 5.0), 1e-12);
    }

    [Fact]
    public void Compute_Empty_Throws()
    {
        var act = () => RegressionMetrics.Compute([], []);

        act.Should().Throw<ArgumentException>();
    }
}
