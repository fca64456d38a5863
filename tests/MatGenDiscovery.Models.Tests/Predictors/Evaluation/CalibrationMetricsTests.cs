using MatGenDiscovery.Models.Predictors.Evaluation;

namespace MatGenDiscovery.Models.Tests.Predictors.Evaluation;

public class CalibrationMetricsTests
{
    // Errors |y − μ| = 0.5, 1.5, 2.5, 0 with σ = 1 everywhere.
    private static readonly double[] Mean = [0, 0, 0, 0];
    private static readonly double[] Sigma = [1, 1, 1, 1];
    private static readonly double[] Targets = [0.5, -1.5, 2.5, 0];

    [Fact]
    public void Compute_HandMadeCase_CountsPointsInsideOneAndTwoSigma()
    {
        var calibration = CalibrationMetrics.Compute(Mean, Sigma, Targets);

        calibration.WithinOneSigma.Should().Be(0.5, "0.5 and 0 are within 1σ");
        calibration.WithinTwoSigma.Should().Be(0.75, "1.5 is also within 2σ, 2.5 is not");
        calibration.SigmaScale.Should().Be(1);
    }

    [Fact]
    public void Compute_WithScale_WidensTheIntervals()
    {
        var calibration = CalibrationMetrics.Compute(Mean, Sigma, Targets, sigmaScale: 1.5);

        calibration.WithinOneSigma.Should().Be(0.75);
        calibration.WithinTwoSigma.Should().Be(1.0);
    }

    [Fact]
    public void FitSigmaScale_GivesTheQuantileThatCoversTwoThirds()
    {
        // |z| sorted: 0, 0.5, 1.5, 2.5; ceil(0.6827·4) − 1 = 2 → 1.5.
        CalibrationMetrics.FitSigmaScale(Mean, Sigma, Targets).Should().Be(1.5);
        CalibrationMetrics.Compute(Mean, Sigma, Targets, 1.5).WithinOneSigma.Should().BeGreaterThanOrEqualTo(CalibrationMetrics.GaussianOneSigma);
    }

    [Fact]
    public void FitSigmaScale_AllSigmasZero_FallsBackToOne()
    {
        CalibrationMetrics.FitSigmaScale([0, 0], [0, 0], [1, 2]).Should().Be(1);
    }

    [Fact]
    public void Compute_MismatchedLengths_Throws()
    {
        var act = () => CalibrationMetrics.Compute([0, 0], [1], [0, 0]);

        act.Should().Throw<ArgumentException>();
    }
}
