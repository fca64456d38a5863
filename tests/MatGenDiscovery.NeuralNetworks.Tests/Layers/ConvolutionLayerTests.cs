using MatGenDiscovery.NeuralNetworks.Layers;

namespace MatGenDiscovery.NeuralNetworks.Tests.Layers;

public class ConvolutionLayerTests
{
    [Fact]
    public void Conv2d_SamePadding_GivesCeilOfInputOverStride()
    {
        var conv = new Conv2d(2, 5, (3, 3), (2, 1), Padding2d.Same, new Random(1));

        var y = conv.Forward(Tensor.Randn(new Random(2), 3, 2, 85, 8));

        y.Shape.Should().Equal(3, 5, 43, 8);
        conv.Weight.Shape.Should().Equal(5, 2, 3, 3);
    }

    [Fact]
    public void Conv2d_ExplicitPadding_MatchesHandComputedSum()
    {
        var conv = new Conv2d(1, 1, (1, 2), (1, 1), Padding2d.Explicit(0, 0, 1, 0), new Random(1));
        new float[] { 2f, 3f }.CopyTo(conv.Weight.AsSpan());
        conv.Bias!.AsSpan()[0] = 1f;

        var y = conv.Forward(Tensor.FromArray([1f, 10f], 1, 1, 1, 2));

        y.ToArray().Should().Equal(1f + 3f, 1f + 2f + 30f);
    }

    [Fact]
    public void ConvTranspose2d_OutputSize_GivesRequestedShapeAndPyTorchWeightLayout()
    {
        var deconv = new ConvTranspose2d(128, 64, (5, 5), (2, 2), (11, 8), new Random(1));

        var y = deconv.Forward(Tensor.Randn(new Random(2), 2, 128, 6, 4));

        y.Shape.Should().Equal(2, 64, 11, 8);
        deconv.Weight.Shape.Should().Equal(128, 64, 5, 5);
        var bound = 1f / MathF.Sqrt(64 * 25);
        deconv.Weight.ToArray().Should().OnlyContain(w => Math.Abs(w) <= bound);
    }

    [Fact]
    public void ConvTranspose2d_PyTorchFlavour_UsesPaddingAndOutputPadding()
    {
        var deconv = new ConvTranspose2d(3, 2, (3, 3), (2, 2), Padding2d.Symmetric(1, 1), (1, 1), new Random(1));

        var y = deconv.Forward(Tensor.Zeros(1, 3, 4, 5));

        y.Shape.Should().Equal(1, 2, 8, 10);
    }

    [Fact]
    public void ConvTranspose2d_SamePaddingWithoutOutputSize_Throws()
    {
        var act = () => new ConvTranspose2d(3, 2, (3, 3), (2, 2), Padding2d.Same, (0, 0), new Random(1));

        act.Should().Throw<ArgumentException>().WithMessage("*output size*");
    }
}
