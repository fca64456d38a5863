using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Operations.Convolution;
using MatGenDiscovery.Tensors.Operations.Elementwise;

namespace MatGenDiscovery.Tensors.Tests.Operations.Convolution;

public class ConvolutionsTests
{
    [Theory]
    [InlineData(1, 1, 0, 0, 0, 0)]
    [InlineData(2, 1, 1, 2, 0, 1)]
    [InlineData(2, 2, 2, 1, 1, 0)]
    public void Conv2d_MatchesDirectLoops(int strideH, int strideW, int top, int bottom, int left, int right)
    {
        var random = new Random(strideH * 10 + top);
        var x = Tensor.Randn(random, 2, 3, 7, 6);
        var w = Tensor.Randn(random, 4, 3, 3, 2);
        var b = Tensor.Randn(random, 4);

        var y = x.Conv2d(w, b, strideH, strideW, top, bottom, left, right);

        var expected = ReferenceConv(x, w, b, strideH, strideW, top, bottom, left, right);
        y.Shape.Should().Equal(expected.Shape);
        AssertClose(y, expected);
    }

    [Theory]
    [InlineData(6, 4, 5, 5, 2, 2, 11, 8)]
    [InlineData(11, 8, 3, 3, 2, 1, 22, 8)]
    [InlineData(22, 8, 3, 3, 2, 1, 43, 8)]
    [InlineData(43, 8, 3, 3, 2, 1, 85, 8)]
    public void ConvTranspose2dSame_MatGanShapes_MatchScatterReference(int h, int w, int kh, int kw, int sh, int sw, int outH, int outW)
    {
        var random = new Random(h);
        var x = Tensor.Randn(random, 2, 3, h, w);
        var weight = Tensor.Randn(random, 3, 2, kh, kw);

        var y = x.ConvTranspose2dSame(weight, null, sh, sw, outH, outW);

        y.Shape.Should().Equal(2, 2, outH, outW);
        var padTop = Math.Max((h - 1) * sh + kh - outH, 0) / 2;
        var padLeft = Math.Max((w - 1) * sw + kw - outW, 0) / 2;
        AssertClose(y, ReferenceTransposed(x, weight, sh, sw, padTop, padLeft, outH, outW));
    }

    [Fact]
    public void ConvTranspose2d_PyTorchPadding_GivesPyTorchOutputSize()
    {
        var random = new Random(3);
        var x = Tensor.Randn(random, 1, 2, 4, 3);
        var weight = Tensor.Randn(random, 2, 3, 3, 3);

        var y = x.ConvTranspose2d(weight, Tensor.Zeros(3), 2, 2, 1, 1, 1, 1, outputPaddingHeight: 1);

        y.Shape.Should().Equal(1, 3, 8, 5);
        AssertClose(y, ReferenceTransposed(x, weight, 2, 2, 1, 1, 8, 5));
    }

    [Fact]
    public void Conv2dSame_OutputIsCeilOfInputOverStride()
    {
        var x = Tensor.Randn(new Random(4), 1, 2, 85, 8);
        var w = Tensor.Randn(new Random(5), 3, 2, 3, 3);

        var y = x.Conv2dSame(w, null, 2, 1);

        y.Shape.Should().Equal(1, 3, 43, 8);
        AssertClose(y, ReferenceConv(x, w, null, 2, 1, 1, 1, 1, 1));
    }

    [Fact]
    public void Conv2d_WeightChannelsDiffer_ThrowsNamingShapes()
    {
        var act = () => Tensor.Zeros(1, 3, 5, 5).Conv2d(Tensor.Zeros(2, 4, 3, 3));

        act.Should().Throw<ArgumentException>().WithMessage("*[2, 4, 3, 3]*3 input channels*");
    }

    [Fact]
    public void ConvTranspose2d_WrongBiasLength_Throws()
    {
        var act = () => Tensor.Zeros(1, 2, 3, 3).ConvTranspose2d(Tensor.Zeros(2, 4, 3, 3), Tensor.Zeros(3));

        act.Should().Throw<ArgumentException>().WithMessage("*[3]*[4]*");
    }

    [Fact]
    public void Conv2d_GradientsAndSecondOrder_MatchFiniteDifferences()
    {
        var random = new Random(6);
        Tensor[] inputs = [Tensor.Randn(random, 2, 2, 5, 4), Tensor.Randn(random, 3, 2, 3, 2), Tensor.Randn(random, 3)];

        GradientChecker.Check(t => t[0].Conv2d(t[1], t[2], 2, 1, 1, 0, 1, 1), inputs);
        GradientChecker.CheckSecondOrder(t => t[0].Conv2d(t[1], t[2], 2, 1, 1, 0, 1, 1).Tanh(), inputs);
    }

    [Fact]
    public void ConvTranspose2d_GradientsAndSecondOrder_MatchFiniteDifferences()
    {
        var random = new Random(7);
        Tensor[] inputs = [Tensor.Randn(random, 2, 2, 3, 2), Tensor.Randn(random, 2, 3, 3, 3), Tensor.Randn(random, 3)];

        GradientChecker.Check(t => t[0].ConvTranspose2dSame(t[1], t[2], 2, 1, 5, 2), inputs);
        GradientChecker.CheckSecondOrder(t => t[0].ConvTranspose2dSame(t[1], t[2], 2, 1, 5, 2).Sigmoid(), inputs);
    }

    [Fact]
    public void ConvolutionWeightGradient_ThirdOrderPath_MatchesFiniteDifferences()
    {
        var random = new Random(8);
        Tensor[] inputs = [Tensor.Randn(random, 1, 2, 4, 3), Tensor.Randn(random, 2, 2, 2, 2)];

        // The second-order graph contains the weight-gradient operation; differentiating its output checks its own backward.
        GradientChecker.Check(
            t => Autograd.Grad((t[0].Conv2d(t[1]).Square()).Sum(), [t[1]], createGraph: true)[0],
            inputs);
    }

    private static Tensor ReferenceConv(Tensor x, Tensor w, Tensor? b, int sh, int sw, int top, int bottom, int left, int right)
    {
        int n = x.Shape[0], c = x.Shape[1], h = x.Shape[2], wd = x.Shape[3];
        int o = w.Shape[0], kh = w.Shape[2], kw = w.Shape[3];
        var outH = (h + top + bottom - kh) / sh + 1;
        var outW = (wd + left + right - kw) / sw + 1;
        var y = Tensor.Zeros(n, o, outH, outW);
        for (var bi = 0; bi < n; bi++)
        for (var oc = 0; oc < o; oc++)
        for (var yi = 0; yi < outH; yi++)
        for (var xi = 0; xi < outW; xi++)
        {
            var sum = b is null ? 0.0 : b[oc];
            for (var ci = 0; ci < c; ci++)
            for (var i = 0; i < kh; i++)
            for (var j = 0; j < kw; j++)
            {
                var row = yi * sh - top + i;
                var col = xi * sw - left + j;
                if (row >= 0 && row < h && col >= 0 && col < wd)
                {
                    sum += x[bi, ci, row, col] * w[oc, ci, i, j];
                }
            }

            y[bi, oc, yi, xi] = (float)sum;
        }

        return y;
    }

    private static Tensor ReferenceTransposed(Tensor x, Tensor w, int sh, int sw, int top, int left, int outH, int outW)
    {
        int n = x.Shape[0], cin = x.Shape[1], h = x.Shape[2], wd = x.Shape[3];
        int cout = w.Shape[1], kh = w.Shape[2], kw = w.Shape[3];
        var y = Tensor.Zeros(n, cout, outH, outW);
        for (var bi = 0; bi < n; bi++)
        for (var ic = 0; ic < cin; ic++)
        for (var yi = 0; yi < h; yi++)
        for (var xi = 0; xi < wd; xi++)
        for (var oc = 0; oc < cout; oc++)
        for (var i = 0; i < kh; i++)
        for (var j = 0; j < kw; j++)
        {
            var row = yi * sh - top + i;
            var col = xi * sw - left + j;
            if (row >= 0 && row < outH && col >= 0 && col < outW)
            {
                y[bi, oc, row, col] += x[bi, ic, yi, xi] * w[ic, oc, i, j];
            }
        }

        return y;
    }

    private static void AssertClose(Tensor actual, Tensor expected)
    {
        actual.Shape.Should().Equal(expected.Shape);
        var a = actual.AsReadOnlySpan();
        var e = expected.AsReadOnlySpan();
        for (var i = 0; i < a.Length; i++)
        {
            a[i].Should().BeApproximately(e[i], 1e-4f * (1 + Math.Abs(e[i])), $"element {i}");
        }
    }
}
