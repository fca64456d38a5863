using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.Reductions;

namespace MatGenDiscovery.Tensors.Tests.Operations.Reductions;

public class SummationTests
{
    [Fact]
    public void Sum_All_ReturnsScalar()
    {
        var x = Tensor.FromArray([1, 2, 3, 4], 2, 2);

        var sum = x.Sum();

        sum.Rank.Should().Be(0);
        sum.Item().Should().Be(10f);
    }

    [Fact]
    public void Sum_OverAxes_MatchesLoops()
    {
        var x = Tensor.Randn(new Random(1), 2, 3, 4, 5);

        var result = x.Sum([0, 2], keepDim: false);

        result.Shape.Should().Equal(3, 5);
        for (var c = 0; c < 3; c++)
        {
            for (var w = 0; w < 5; w++)
            {
                var expected = 0f;
                for (var n = 0; n < 2; n++)
                {
                    for (var h = 0; h < 4; h++)
                    {
                        expected += x[n, c, h, w];
                    }
                }

                result[c, w].Should().BeApproximately(expected, 1e-5f);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Sum_LargeTensorParallelPath_MatchesFloat64Loops(int axis)
    {
        var x = Tensor.Randn(new Random(3), 300, 400);

        var result = x.Sum(axis);

        var other = 1 - axis;
        result.Length.Should().Be(x.Size(other));
        for (var i = 0; i < result.Length; i++)
        {
            var expected = 0.0;
            for (var j = 0; j < x.Size(axis); j++)
            {
                expected += axis == 0 ? x[j, i] : x[i, j];
            }

            result.AsReadOnlySpan()[i].Should().BeApproximately((float)expected, 1e-3f);
        }
    }

    [Fact]
    public void Mean_KeepDim_KeepsReducedAxesAsOne()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);

        var mean = x.Mean(1, keepDim: true);

        mean.Shape.Should().Equal(2, 1);
        mean.ToArray().Should().Equal(2f, 5f);
        x.Mean(-2).ToArray().Should().Equal(2.5f, 3.5f, 4.5f);
    }

    [Fact]
    public void SumAndMean_Gradients_MatchFiniteDifferences()
    {
        var x = Tensor.Randn(new Random(2), 2, 3, 2);

        GradientChecker.Check(t => t[0].Sum(), [x.Clone()]);
        GradientChecker.Check(t => t[0].Sum([0, 2], keepDim: true), [x.Clone()]);
        GradientChecker.Check(t => t[0].Mean(-1), [x.Clone()]);
        GradientChecker.Check(t => t[0].Mean(), [x.Clone()]);
        GradientChecker.CheckSecondOrder(t => t[0].Square().Mean([1]), [x.Clone()]);
    }

    [Fact]
    public void Sum_RepeatedAxis_Throws()
    {
        var act = () => Tensor.Zeros(2, 3).Sum([1, -1]);

        act.Should().Throw<ArgumentException>().WithMessage("*repeated*");
    }

    [Fact]
    public void Sum_AxisOutOfRange_ThrowsNamingShape()
    {
        var act = () => Tensor.Zeros(2, 3).Sum(2);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*2*[2, 3]*");
    }
}
