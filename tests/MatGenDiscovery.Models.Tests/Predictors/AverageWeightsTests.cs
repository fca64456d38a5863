using MatGenDiscovery.Models.Predictors;

namespace MatGenDiscovery.Models.Tests.Predictors;

public sealed class AverageWeightsTests
{
    [Fact]
    public void Fit_OnePartExact_GivesItAllTheWeight()
    {
        double[] targets = [1, 2, 3, 4];
        double[] exact = [1, 2, 3, 4];
        double[] biased = [2, 3, 4, 5];

        var weights = AverageWeights.Fit([biased, exact], targets);

        weights.Should().Equal(0.0, 1.0);
    }

    [Fact]
    public void Fit_OppositeErrors_FindsTheCancellingMix()
    {
        double[] targets = [0, 0, 0];
        double[] high = [3, 3, 3];
        double[] low = [-1, -1, -1];

        var weights = AverageWeights.Fit([high, low], targets);

        weights[0].Should().BeApproximately(0.25, 1e-12, "0.25·3 + 0.75·(−1) = 0");
        weights[1].Should().BeApproximately(0.75, 1e-12);
    }

    [Fact]
    public void Fit_IdenticalParts_KeepsEqualWeights()
    {
        double[] targets = [1, 5, 2];
        double[] same = [1.5, 4, 2];

        var weights = AverageWeights.Fit([same, same, same], targets, steps: 30);

        weights.Should().AllSatisfy(w => w.Should().BeApproximately(1.0 / 3, 1e-12));
    }

    [Fact]
    public void Fit_LengthMismatch_ThrowsNamingLengths()
    {
        var act = () => AverageWeights.Fit([[1.0, 2.0], [1.0]], [1.0, 2.0]);

        act.Should().Throw<ArgumentException>().WithMessage("*[2, 1]*2 targets*");
    }
}
