using MatGenDiscovery.Tensors.Operations.Reductions;

namespace MatGenDiscovery.Tensors.Tests.Operations.Reductions;

public class ExtremaTests
{
    [Fact]
    public void Max_OverAxis_ReturnsRowMaxima()
    {
        var x = Tensor.FromArray([1, 5, 3, -2, -1, -7], 2, 3);

        x.Max(1).ToArray().Should().Equal(5f, -1f);
        x.Max(0, keepDim: true).Shape.Should().Equal(1, 3);
        x.Max().Item().Should().Be(5f);
    }

    [Fact]
    public void Max_LargeTensorBothAxes_MatchesLinq()
    {
        var x = Tensor.Randn(new Random(4), 300, 400);
        var rows = Enumerable.Range(0, 300).Select(i => Enumerable.Range(0, 400).Max(j => x[i, j])).ToArray();
        var columns = Enumerable.Range(0, 400).Select(j => Enumerable.Range(0, 300).Max(i => x[i, j])).ToArray();

        x.Max(1).ToArray().Should().Equal(rows);
        x.Max(0).ToArray().Should().Equal(columns);
    }

    [Fact]
    public void Max_Gradient_MatchesFiniteDifferences()
    {
        var x = Tensor.Randn(new Random(3), 3, 4);

        GradientChecker.Check(t => t[0].Max(1), [x.Clone()], step: 1e-3f);
        GradientChecker.Check(t => t[0].Max(), [x.Clone()], step: 1e-3f);
    }

    [Fact]
    public void Max_Ties_ShareGradient()
    {
        var x = Tensor.FromArray([2, 2, 1], 3);
        x.RequiresGrad = true;

        x.Max().Backward();

        x.Grad!.ToArray().Should().Equal(0.5f, 0.5f, 0f);
    }
}
