using System.Numerics;

namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>
/// One boosted tree as flat arrays: node 0 is the root (a tree with no nodes is the single leaf 0); leaf values
/// already include the learning rate.
/// </summary>
public sealed class RegressionTree
{
    private readonly TreeNode[] _nodes;
    private readonly double[] _splitGains;
    private readonly double[] _leafValues;
    private readonly int[] _leafSampleCounts;

    public RegressionTree(TreeNode[] nodes, double[] splitGains, double[] leafValues, int[] leafSampleCounts)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(splitGains);
        ArgumentNullException.ThrowIfNull(leafValues);
        ArgumentNullException.ThrowIfNull(leafSampleCounts);
        if (leafValues.Length != nodes.Length + 1 || splitGains.Length != nodes.Length || leafSampleCounts.Length != leafValues.Length)
        {
            throw new ArgumentException(
                $"A tree with {nodes.Length} nodes needs {nodes.Length} split gains and {nodes.Length + 1} leaf values and counts; "
                + $"got {splitGains.Length}, {leafValues.Length} and {leafSampleCounts.Length}.",
                nameof(leafValues));
        }

        foreach (var node in nodes)
        {
            if (!IsChild(node.Left, nodes.Length, leafValues.Length) || !IsChild(node.Right, nodes.Length, leafValues.Length))
            {
                throw new ArgumentException($"Node {node} points to a child outside the tree.", nameof(nodes));
            }
        }

        _nodes = nodes;
        _splitGains = splitGains;
        _leafValues = leafValues;
        _leafSampleCounts = leafSampleCounts;
    }

    public ReadOnlySpan<TreeNode> Nodes => _nodes;

    /// <summary>Gain of each node's split, aligned with <see cref="Nodes"/>.</summary>
    public ReadOnlySpan<double> SplitGains => _splitGains;

    public ReadOnlySpan<double> LeafValues => _leafValues;

    /// <summary>Bagged training rows that reached each leaf.</summary>
    public ReadOnlySpan<int> LeafSampleCounts => _leafSampleCounts;

    public int LeafCount => _leafValues.Length;

    /// <summary>Longest root-to-leaf path in splits; 0 for a single leaf.</summary>
    public int Depth => _nodes.Length == 0 ? 0 : DepthBelow(0);

    public double Evaluate<T>(ReadOnlySpan<T> row)
        where T : unmanaged, IFloatingPointIeee754<T> => _leafValues[LeafIndex(row)];

    public int LeafIndex<T>(ReadOnlySpan<T> row)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (_nodes.Length == 0)
        {
            return 0;
        }

        var nodes = _nodes;
        var index = 0;
        do
        {
            ref readonly var node = ref nodes[index];
            var value = double.CreateTruncating(row[node.Feature]);
            var goLeft = double.IsNaN(value) ? node.DefaultLeft : value <= node.Threshold;
            index = goLeft ? node.Left : node.Right;
        }
        while (index >= 0);

        return ~index;
    }

    private static bool IsChild(int child, int nodeCount, int leafCount) =>
        child >= 0 ? child < nodeCount && child > 0 : ~child < leafCount;

    private int DepthBelow(int index)
    {
        var node = _nodes[index];
        var left = node.Left >= 0 ? DepthBelow(node.Left) : 0;
        var right = node.Right >= 0 ? DepthBelow(node.Right) : 0;
        return 1 + Math.Max(left, right);
    }
}
