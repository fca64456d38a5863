using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Tensors.Tests.Operations.Shape;

public class PermutationTests
{
    [Fact]
    public void Transpose_Matrix_SwapsIndices()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);

        var t = x.Transpose();

        t.Shape.Should().Equal(3, 2);
        t.ToArray().Should().Equal(1, 4, 2, 5, 3, 6);
    }

    [Fact]
    public void Permute_Rank4_MovesElements()
    {
        var x = Tensor.Randn(new Random(1), 2, 3, 4, 5);

        var p = x.Permute(0, 2, 3, 1);

        p.Shape.Should().Equal(2, 4, 5, 3);
        p[1, 3, 4, 2].Should().Be(x[1, 2, 3, 4]);
        p[0, 1, 2, 0].Should().Be(x[0, 0, 1, 2]);
    }

    [Fact]
    public void Permute_Gradient_MatchesFiniteDifferences()
    {
        GradientChecker.Check(t => t[0].Permute(2, 0, 1), [Tensor.Randn(new Random(2), 2, 3, 2)]);
        GradientChecker.CheckSecondOrder(t => t[0].Transpose().Square(), [Tensor.Randn(new Random(3), 2, 3)]);
    }

    [Fact]
    public void Permute_NotAPermutation_Throws()
    {
        var act = () => Tensor.Zeros(2, 3).Permute(0, 0);

        act.Should().Throw<ArgumentException>().WithMessage("*[0, 0]*[2, 3]*");
    }
}
