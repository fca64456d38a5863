using MatGenDiscovery.NeuralNetworks.Layers;

namespace MatGenDiscovery.NeuralNetworks.Tests.Layers;

public class LinearTests
{
    [Fact]
    public void Forward_KnownWeights_ComputesXWTransposePlusB()
    {
        var linear = new Linear(2, 3, new Random(0));
        new float[] { 1, 2, 3, 4, 5, 6 }.CopyTo(linear.Weight.AsSpan());
        new float[] { 0.5f, -1, 2 }.CopyTo(linear.Bias!.AsSpan());

        var y = linear.Forward(Tensor.FromArray([1f, -1f, 2f, 0.5f], 2, 2));

        y.Shape.Should().Equal(2, 3);
        y.ToArray().Should().Equal(-0.5f, -2f, 1f, 3.5f, 7f, 15f);
    }

    [Fact]
    public void Constructor_DefaultInit_IsUniformWithinOneOverSqrtFanIn()
    {
        var linear = new Linear(400, 50, new Random(5));
        var bound = 1f / 20f;
        var weights = linear.Weight.ToArray();

        weights.Should().OnlyContain(w => w >= -bound && w < bound);
        weights.Max().Should().BeGreaterThan(0.9f * bound);
        weights.Average().Should().BeApproximately(0f, 0.002f);
        linear.Bias!.ToArray().Should().OnlyContain(b => b >= -bound && b < bound);
    }

    [Fact]
    public void Constructor_SameSeed_GivesIdenticalBitsAndDifferentSeedDiffers()
    {
        var a = new Linear(8, 8, new Random(42)).Weight.ToArray();
        var b = new Linear(8, 8, new Random(42)).Weight.ToArray();
        var c = new Linear(8, 8, new Random(43)).Weight.ToArray();

        a.Select(BitConverter.SingleToInt32Bits).Should().Equal(b.Select(BitConverter.SingleToInt32Bits));
        a.Should().NotEqual(c);
    }

    [Fact]
    public void Constructor_WithoutBias_RegistersOnlyWeight()
    {
        var linear = new Linear(3, 2, new Random(0), bias: false);

        linear.NamedParameters().Select(p => p.Key).Should().Equal("weight");
        linear.Forward(Tensor.Ones(1, 3)).Shape.Should().Equal(1, 2);
    }
}
