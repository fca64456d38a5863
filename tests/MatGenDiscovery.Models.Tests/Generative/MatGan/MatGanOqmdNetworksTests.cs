using MatGenDiscovery.Models.Generative.MatGan;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Tests.Generative.MatGan;

public class MatGanOqmdNetworksTests
{
    [Fact]
    public void Generator_LatentBatch_Gives85By8MatricesInUnitInterval()
    {
        var generator = MatGanOqmdNetworks.Generator(new Random(1));

        var output = generator.Forward(Tensor.Randn(new Random(2), 3, 128));

        output.Shape.Should().Equal(3, 1, 85, 8);
        output.ToArray().Should().OnlyContain(v => v > 0 && v < 1);
    }

    [Fact]
    public void Critic_MatrixBatch_GivesOneScorePerSample()
    {
        var critic = MatGanOqmdNetworks.Critic(new Random(1));

        critic.Forward(Tensor.Uniform(new Random(2), 0, 1, 2, 1, 85, 8)).Shape.Should().Equal(2, 1);
    }
}
