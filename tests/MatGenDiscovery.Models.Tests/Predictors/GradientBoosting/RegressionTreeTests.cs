using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Tests.Predictors.GradientBoosting;

public sealed class RegressionTreeTests
{
    // x0 ≤ 1 → (x1 ≤ 5 → leaf 0 else leaf 2); x0 > 1 → leaf 1. NaN in x0 goes right, NaN in x1 goes left.
    private static readonly RegressionTree _tree = new(
        [new TreeNode(0, 1.0, false, 1, ~1), new TreeNode(1, 5.0, true, ~0, ~2)],
        [3.0, 1.0],
        [10.0, 20.0, 30.0],
        [4, 5, 6]);

    [Theory]
    [InlineData(0.5, 2.0, 10.0)]
    [InlineData(1.0, 5.0, 10.0)]
    [InlineData(0.5, 7.0, 30.0)]
    [InlineData(1.5, 2.0, 20.0)]
    [InlineData(double.NaN, 2.0, 20.0)]
    [InlineData(0.0, double.NaN, 10.0)]
    public void Evaluate_FollowsThresholdsAndDefaultDirections(double x0, double x1, double expected)
    {
        _tree.Evaluate<double>([x0, x1]).Should().Be(expected);
    }

    [Fact]
    public void Depth_CountsLongestPath()
    {
        _tree.Depth.Should().Be(2);
        _tree.LeafCount.Should().Be(3);
    }

    [Fact]
    public void Evaluate_SingleLeaf_ReturnsIt()
    {
        var leaf = new RegressionTree([], [], [7.0], [3]);

        leaf.Evaluate<double>([1.0]).Should().Be(7.0);
        leaf.Depth.Should().Be(0);
    }

    [Fact]
    public void Constructor_InconsistentArrays_Throws()
    {
        var act = () => new RegressionTree([new TreeNode(0, 1.0, false, ~0, ~1)], [1.0], [1.0], [1]);

        act.Should().Throw<ArgumentException>().WithMessage("*1 nodes*2 leaf values*");
    }

    [Fact]
    public void Constructor_ChildOutOfRange_Throws()
    {
        var act = () => new RegressionTree([new TreeNode(0, 1.0, false, ~0, ~5)], [1.0], [1.0, 2.0], [1, 1]);

        act.Should().Throw<ArgumentException>().WithMessage("*child outside*");
    }
}
