using MatGenDiscovery.NeuralNetworks.Optimizers;
using static MatGenDiscovery.NeuralNetworks.Tests.Optimizers.OptimizerTestData;

namespace MatGenDiscovery.NeuralNetworks.Tests.Optimizers;

public class AdamWTests
{
    [Fact]
    public void Step_TwoSteps_DecayWeightsOutsideTheAdamUpdate()
    {
        var p = Parameter();

        var actual = TwoSteps(p, new AdamW([p], 0.01f, 0.9f, 0.999f, 1e-8f, weightDecay: 0.5f));

        actual.ShouldMatch(AdamTests.Reference(0.01, 0.9, 0.999, 1e-8, 0.5, decoupled: true));
        actual[0][0].Should().BeApproximately(1f * (1f - 0.005f) - 0.01f, 1e-6f);
    }
}
