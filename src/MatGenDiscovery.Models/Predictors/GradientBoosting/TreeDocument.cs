namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>One tree as parallel arrays, node i being (Feature[i], Threshold[i], DefaultLeft[i], Left[i], Right[i]).</summary>
internal sealed record TreeDocument(
    int[] Feature,
    double[] Threshold,
    bool[] DefaultLeft,
    int[] Left,
    int[] Right,
    double[] Gain,
    double[] LeafValue,
    int[] LeafSampleCount)
{
    public static TreeDocument From(RegressionTree tree)
    {
        var nodes = tree.Nodes.ToArray();
        return new TreeDocument(
            [.. nodes.Select(node => node.Feature)],
            [.. nodes.Select(node => node.Threshold)],
            [.. nodes.Select(node => node.DefaultLeft)],
            [.. nodes.Select(node => node.Left)],
            [.. nodes.Select(node => node.Right)],
            tree.SplitGains.ToArray(),
            tree.LeafValues.ToArray(),
            tree.LeafSampleCounts.ToArray());
    }

    /// <exception cref="ArgumentException">The arrays do not describe a consistent tree.</exception>
    public RegressionTree ToTree()
    {
        var count = Feature.Length;
        if (Threshold.Length != count || DefaultLeft.Length != count || Left.Length != count || Right.Length != count)
        {
            throw new ArgumentException($"Node arrays have different lengths ({count}, {Threshold.Length}, {DefaultLeft.Length}, {Left.Length}, {Right.Length}).");
        }

        var nodes = new TreeNode[count];
        for (var i = 0; i < count; i++)
        {
            nodes[i] = new TreeNode(Feature[i], Threshold[i], DefaultLeft[i], Left[i], Right[i]);
        }

        return new RegressionTree(nodes, Gain, LeafValue, LeafSampleCount);
    }
}
