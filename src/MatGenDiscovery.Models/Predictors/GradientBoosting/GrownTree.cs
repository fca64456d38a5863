namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>A freshly grown tree plus each node's bin threshold, for routing binned training rows.</summary>
internal sealed record GrownTree(RegressionTree Tree, int[] BinThresholds)
{
    public int LeafOf(BinnedMatrix data, int row)
    {
        var nodes = Tree.Nodes;
        if (nodes.Length == 0)
        {
            return 0;
        }

        var index = 0;
        do
        {
            var node = nodes[index];
            int bin = data.Column(node.Feature)[row];
            var goLeft = bin == data.Binning.NanBin(node.Feature) ? node.DefaultLeft : bin <= BinThresholds[index];
            index = goLeft ? node.Left : node.Right;
        }
        while (index >= 0);

        return ~index;
    }
}
