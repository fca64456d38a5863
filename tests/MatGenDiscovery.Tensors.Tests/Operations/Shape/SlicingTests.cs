using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Tensors.Tests.Operations.Shape;

public class SlicingTests
{
    [Fact]
    public void Concat_AlongAxis1_InterleavesRows()
    {
        var a = Tensor.FromArray([1, 2, 3, 4], 2, 2);
        var b = Tensor.FromArray([5, 6], 2, 1);

        var result = Slicing.Concat([a, b], 1);

        result.Shape.Should().Equal(2, 3);
        result.ToArray().Should().Equal(1, 2, 5, 3, 4, 6);
    }

    [Fact]
    public void Concat_MismatchedShapes_ThrowsNamingBoth()
    {
        var act = () => Slicing.Concat([Tensor.Zeros(2, 2), Tensor.Zeros(3, 1)], 1);

        act.Should().Throw<ArgumentException>().WithMessage("*[3, 1]*[2, 2]*");
    }

    [Fact]
    public void Narrow_SelectsRange()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);

        x.Narrow(1, 1, 2).ToArray().Should().Equal(2, 3, 5, 6);
    }

    [Fact]
    public void Narrow_OutOfRange_Throws()
    {
        var act = () => Tensor.Zeros(2, 3).Narrow(1, 2, 2);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*[2, 4)*size 3*");
    }

    [Fact]
    public void IndexSelect_RepeatsAllowed()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6], 3, 2);

        x.IndexSelect(0, [2, 0, 2]).ToArray().Should().Equal(5, 6, 1, 2, 5, 6);
    }

    [Fact]
    public void IndexSelect_IndexOutOfRange_Throws()
    {
        var act = () => Tensor.Zeros(3, 2).IndexSelect(0, [3]);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Index 3*size 3*");
    }

    [Fact]
    public void Slicing_GradientsAndSecondOrder_MatchFiniteDifferences()
    {
        var random = new Random(1);
        Tensor[] pair = [Tensor.Randn(random, 2, 3), Tensor.Randn(random, 2, 1)];

        GradientChecker.Check(t => Slicing.Concat(t, 1), pair);
        GradientChecker.Check(t => t[0].Narrow(0, 1, 2), [Tensor.Randn(random, 4, 2)]);
        GradientChecker.Check(t => t[0].IndexSelect(1, [2, 0, 2]), [Tensor.Randn(random, 2, 3)]);
        GradientChecker.CheckSecondOrder(t => t[0].Gather(0, [1, 1]).Square(), [Tensor.Randn(random, 3, 2)]);
        GradientChecker.CheckSecondOrder(t => Slicing.Concat([t[0].Narrow(1, 0, 1), t[0]], 1).Square(), [Tensor.Randn(random, 2, 2)]);
    }
}
