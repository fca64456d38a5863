using MatGenDiscovery.Tensors.Operations.Shape;
using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.LinearAlgebra;

namespace MatGenDiscovery.Tensors.Tests.Operations.LinearAlgebra;

public class MatrixProductsTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 4)]
    [InlineData(17, 33, 9)]
    [InlineData(64, 130, 70)]
    public void MatMul_MatchesTripleLoop(int m, int k, int n)
    {
        var random = new Random(m * 100 + n);
        var a = Tensor.Randn(random, m, k);
        var b = Tensor.Randn(random, k, n);

        var c = a.MatMul(b);

        c.Shape.Should().Equal(m, n);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var expected = 0.0;
                for (var p = 0; p < k; p++)
                {
                    expected += a[i, p] * b[p, j];
                }

                c[i, j].Should().BeApproximately((float)expected, 1e-4f * (1 + (float)Math.Abs(expected)));
            }
        }
    }

    [Fact]
    public void MatMul_Batched_MatchesPerBatchProducts()
    {
        var random = new Random(5);
        var a = Tensor.Randn(random, 3, 2, 4);
        var b = Tensor.Randn(random, 3, 4, 5);

        var c = a.MatMul(b);

        c.Shape.Should().Equal(3, 2, 5);
        for (var batch = 0; batch < 3; batch++)
        {
            var single = a.Narrow(0, batch, 1).Reshape(2, 4)
                .MatMul(b.Narrow(0, batch, 1).Reshape(4, 5));
            c.Narrow(0, batch, 1).ToArray().Should().Equal(single.ToArray());
        }
    }

    [Fact]
    public void MatMul_InnerDimensionsDiffer_ThrowsNamingBothShapes()
    {
        var act = () => Tensor.Zeros(2, 3).MatMul(Tensor.Zeros(4, 2));

        act.Should().Throw<ArgumentException>().WithMessage("*[2, 3]*[4, 2]*");
    }

    [Fact]
    public void MatMul_RankOne_ThrowsNamingBothShapes()
    {
        var act = () => Tensor.Zeros(3).MatMul(Tensor.Zeros(3, 2));

        act.Should().Throw<ArgumentException>().WithMessage("*[3]*[3, 2]*");
    }

    [Fact]
    public void Linear_MatchesMatMulWithTransposedWeightPlusBias()
    {
        var random = new Random(6);
        var x = Tensor.Randn(random, 4, 3);
        var w = Tensor.Randn(random, 5, 3);
        var b = Tensor.Randn(random, 5);

        var expected = x.MatMul(w.Transpose()) + b;

        x.Linear(w, b).ToArray().Should().BeEquivalentTo(expected.ToArray(), o => o.Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-5f)).WhenTypeIs<float>());
        x.Linear(w).Shape.Should().Equal(4, 5);
    }

    [Fact]
    public void Linear_WrongInFeatures_ThrowsNamingShapes()
    {
        var act = () => Tensor.Zeros(4, 3).Linear(Tensor.Zeros(5, 2));

        act.Should().Throw<ArgumentException>().WithMessage("*[4, 3]*[5, 2]*");
    }

    [Fact]
    public void MatMulAndLinear_GradientsAndSecondOrder_MatchFiniteDifferences()
    {
        var random = new Random(7);
        Tensor[] matmul = [Tensor.Randn(random, 3, 4), Tensor.Randn(random, 4, 2)];
        Tensor[] linear = [Tensor.Randn(random, 3, 4), Tensor.Randn(random, 2, 4), Tensor.Randn(random, 2)];
        Tensor[] batched = [Tensor.Randn(random, 2, 2, 3), Tensor.Randn(random, 2, 3, 2)];

        GradientChecker.Check(t => t[0].MatMul(t[1]), matmul);
        GradientChecker.Check(t => t[0].Linear(t[1], t[2]), linear);
        GradientChecker.Check(t => t[0].MatMul(t[1]), batched);
        GradientChecker.CheckSecondOrder(t => t[0].MatMul(t[1]).Square(), matmul);
        GradientChecker.CheckSecondOrder(t => t[0].Linear(t[1], t[2]).Sigmoid(), linear);
        GradientChecker.CheckSecondOrder(t => t[0].MatMul(t[1]).Tanh(), batched);
    }
}
