using MatGenDiscovery.NeuralNetworks.Optimizers;

namespace MatGenDiscovery.NeuralNetworks.Tests.Optimizers;

public class WeightClippingTests
{
    [Fact]
    public void Clamp_ValuesOutsideLimit_AreClampedInPlace()
    {
        var p = Tensor.FromArray([-0.5f, 0.005f, 0.02f], 3);

        WeightClipping.Clamp([p], 0.01f);

        p.ToArray().Should().Equal(-0.01f, 0.005f, 0.01f);
    }

    [Fact]
    public void Clamp_NonPositiveLimit_Throws()
    {
        FluentActions.Invoking(() => WeightClipping.Clamp([Tensor.Zeros(1)], 0f)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
