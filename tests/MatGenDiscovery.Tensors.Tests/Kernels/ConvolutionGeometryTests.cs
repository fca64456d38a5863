using MatGenDiscovery.Tensors.Kernels;

namespace MatGenDiscovery.Tensors.Tests.Kernels;

public class ConvolutionGeometryTests
{
    [Theory]
    [InlineData(85, 8, 3, 3, 1, 1, 85, 8, 1, 1)]
    [InlineData(85, 8, 3, 3, 2, 1, 43, 8, 1, 1)]
    [InlineData(43, 8, 3, 3, 1, 1, 43, 8, 1, 1)]
    [InlineData(43, 8, 5, 5, 2, 2, 22, 4, 2, 1)]
    [InlineData(10, 10, 4, 4, 1, 1, 10, 10, 1, 1)]
    [InlineData(7, 7, 1, 1, 3, 3, 3, 3, 0, 0)]
    [InlineData(5, 5, 2, 2, 4, 4, 2, 2, 0, 0)]
    public void Same_MatchesTensorFlowSamePadding(int inH, int inW, int kh, int kw, int sh, int sw, int outH, int outW, int padTop, int padLeft)
    {
        ConvolutionGeometry g = ConvolutionGeometry.Same(2, 3, inH, inW, 4, kh, kw, sh, sw);

        (g.OutHeight, g.OutWidth, g.PadTop, g.PadLeft).Should().Be((outH, outW, padTop, padLeft));
        (g.Batch, g.InChannels, g.InHeight, g.InWidth, g.OutChannels).Should().Be((2, 3, inH, inW, 4));
    }

    [Theory]
    [InlineData(128, 6, 4, 64, 5, 2, 2, 11, 8, 2, 1)]
    [InlineData(64, 11, 8, 32, 3, 2, 1, 22, 8, 0, 1)]
    [InlineData(32, 22, 8, 16, 3, 2, 1, 43, 8, 1, 1)]
    [InlineData(16, 43, 8, 1, 3, 2, 1, 85, 8, 1, 1)]
    public void ForTransposed_MatGanGenerator_DescribesUnderlyingForwardConvolution(
        int inChannels, int inH, int inW, int outChannels, int kernel, int sh, int sw, int outputH, int outputW, int padTop, int padLeft)
    {
        ConvolutionGeometry g = ConvolutionGeometry.ForTransposed(64, inChannels, inH, inW, outChannels, kernel, kernel, sh, sw, outputH, outputW);

        g.Should().Be(new ConvolutionGeometry(64, outChannels, outputH, outputW, inChannels, kernel, kernel, sh, sw, padTop, padLeft, inH, inW));
    }

    [Fact]
    public void ForTransposed_OutputNotReachableWithSamePadding_Throws()
    {
        var act = () => ConvolutionGeometry.ForTransposed(1, 8, 6, 4, 4, 5, 5, 2, 2, 14, 8);

        act.Should().Throw<ArgumentException>().WithMessage("*6×4 input*14×8 output*");
    }

    [Fact]
    public void Same_NonPositiveStride_Throws()
    {
        var act = () => ConvolutionGeometry.Same(1, 1, 8, 8, 1, 3, 3, 0, 1);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("strideHeight");
    }

    [Fact]
    public void Lengths_AreProductsOfTheShapes()
    {
        ConvolutionGeometry g = ConvolutionGeometry.Same(2, 3, 5, 7, 4, 3, 1, 2, 1);

        (g.InputLength, g.WeightLength, g.OutputLength, g.PatchLength, g.OutPixels).Should().Be((2 * 3 * 5 * 7, 4 * 3 * 3 * 1, 2 * 4 * 3 * 7, 9, 21));
    }
}
