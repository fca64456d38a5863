using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Tensors.Tests.Operations.Shape;

public class ReshapingTests
{
    [Fact]
    public void Reshape_InfersMinusOneAndKeepsOrder()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);

        var result = x.Reshape(-1, 2);

        result.Shape.Should().Equal(3, 2);
        result.ToArray().Should().Equal(1, 2, 3, 4, 5, 6);
    }

    [Fact]
    public void Reshape_WrongCount_ThrowsNamingShapes()
    {
        var act = () => Tensor.Zeros(2, 3).Reshape(4, 2);

        act.Should().Throw<ArgumentException>().WithMessage("*[2, 3]*[4, 2]*");
    }

    [Fact]
    public void FlattenAndUnsqueeze_ProduceExpectedShapes()
    {
        var x = Tensor.Zeros(2, 3, 4, 5);

        x.Flatten().Shape.Should().Equal(2, 60);
        x.Flatten(1, 2).Shape.Should().Equal(2, 12, 5);
        x.Unsqueeze(-1).Shape.Should().Equal(2, 3, 4, 5, 1);
    }

    [Fact]
    public void BroadcastTo_CopiesAlongNewAxes()
    {
        var x = Tensor.FromArray([1, 2], 2, 1);

        x.BroadcastTo(2, 2, 3).ToArray().Should().Equal(1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2);
    }

    [Fact]
    public void BroadcastTo_Incompatible_Throws()
    {
        var act = () => Tensor.Zeros(3).BroadcastTo(2, 2);

        act.Should().Throw<ArgumentException>().WithMessage("*[3]*[2, 2]*");
    }

    [Fact]
    public void ShapeOperations_GradientsAndSecondOrder_MatchFiniteDifferences()
    {
        var random = new Random(1);

        GradientChecker.Check(t => t[0].Reshape(3, 2) * Tensor.FromArray([1, 2], 2), [Tensor.Randn(random, 2, 3)]);
        GradientChecker.Check(t => t[0].BroadcastTo(2, 3, 4), [Tensor.Randn(random, 3, 1)]);
        GradientChecker.Check(t => t[0].SumToShape(3, 1), [Tensor.Randn(random, 2, 3, 4)]);
        GradientChecker.CheckSecondOrder(t => t[0].BroadcastTo(2, 3).Square().SumToShape(3), [Tensor.Randn(random, 3)]);
    }
}
