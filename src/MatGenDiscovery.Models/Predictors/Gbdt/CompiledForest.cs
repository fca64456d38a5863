using System.Runtime.InteropServices;
using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Predictors.Gbdt;

/// <summary>
/// The trees of one or more <see cref="GradientBoostedTrees"/> flattened into shared node and leaf arrays for fast
/// scoring of row blocks: each tree walks four rows at once (independent loads overlap) without bounds checks.
/// Scores are bit-identical to <see cref="GradientBoostedTrees.PredictRows{T}(ReadOnlySpan{T}, Span{double})"/>:
/// base score, then each tree's leaf value added in tree order, then the loss's output transform.
/// </summary>
internal sealed class CompiledForest
{
    private readonly Node[] _nodes;
    private readonly double[] _leaves;
    private readonly Model[] _models;
    private readonly int _featureCount;

    public CompiledForest(IReadOnlyList<GradientBoostedTrees> models)
    {
        _featureCount = models[0].FeatureCount;
        var nodes = new List<Node>();
        var leaves = new List<double>();
        _models = new Model[models.Count];
        for (var m = 0; m < models.Count; m++)
        {
            var model = models[m];
            var roots = new int[model.Trees.Count];
            for (var t = 0; t < roots.Length; t++)
            {
                roots[t] = Add(model.Trees[t], nodes, leaves);
            }

            _models[m] = new Model(model.BaseScore, roots, LossFunction.For(model.Options), LossFunction.For(model.Options).IsIdentity);
        }

        _nodes = [.. nodes];
        _leaves = [.. leaves];
    }

    public int ModelCount => _models.Length;

    /// <summary>Scores <paramref name="destination"/>.Length rows of a row-major block with model <paramref name="model"/>.</summary>
    public unsafe void Predict(int model, ReadOnlySpan<double> features, Span<double> destination)
    {
        var rows = destination.Length;
        if (features.Length < rows * _featureCount)
        {
            throw new ArgumentException($"Features hold {features.Length} values; {rows} rows × {_featureCount} are needed.", nameof(features));
        }

        var entry = _models[model];
        destination.Fill(entry.BaseScore);
        fixed (Node* nodes = _nodes)
        fixed (double* leaves = _leaves)
        fixed (double* x = features)
        fixed (double* scores = destination)
        {
            foreach (var root in entry.Roots)
            {
                var row = 0;
                for (; row + 4 <= rows; row += 4)
                {
                    Walk4(nodes, leaves, root, x + (row * _featureCount), _featureCount, scores + row);
                }

                for (; row < rows; row++)
                {
                    scores[row] += leaves[~Walk(nodes, root, x + (row * _featureCount))];
                }
            }
        }

        if (!entry.IsIdentity)
        {
            for (var row = 0; row < rows; row++)
            {
                destination[row] = entry.Loss.Transform(destination[row]);
            }
        }
    }

    private static unsafe void Walk4(Node* nodes, double* leaves, int root, double* x, int stride, double* scores)
    {
        int i0 = root, i1 = root, i2 = root, i3 = root;
        var x1 = x + stride;
        var x2 = x1 + stride;
        var x3 = x2 + stride;
        while ((i0 & i1 & i2 & i3) >= 0)
        {
            if (i0 >= 0) i0 = Step(nodes + i0, x);
            if (i1 >= 0) i1 = Step(nodes + i1, x1);
            if (i2 >= 0) i2 = Step(nodes + i2, x2);
            if (i3 >= 0) i3 = Step(nodes + i3, x3);
        }

        scores[0] += leaves[~i0];
        scores[1] += leaves[~i1];
        scores[2] += leaves[~i2];
        scores[3] += leaves[~i3];
    }

    private static unsafe int Walk(Node* nodes, int index, double* x)
    {
        while (index >= 0)
        {
            index = Step(nodes + index, x);
        }

        return index;
    }

    private static unsafe int Step(Node* node, double* x)
    {
        var value = x[node->Feature];
        var left = value <= node->Threshold || (node->DefaultLeft != 0 && double.IsNaN(value));
        return left ? node->Left : node->Right;
    }

    /// <summary>Appends a tree; returns its root: a node index, or ~leaf for a single-leaf tree.</summary>
    private static int Add(RegressionTree tree, List<Node> nodes, List<double> leaves)
    {
        var nodeOffset = nodes.Count;
        var leafOffset = leaves.Count;
        foreach (var leaf in tree.LeafValues)
        {
            leaves.Add(leaf);
        }

        if (tree.Nodes.Length == 0)
        {
            return ~leafOffset;
        }

        foreach (var node in tree.Nodes)
        {
            nodes.Add(new Node
            {
                Threshold = node.Threshold,
                Feature = node.Feature,
                DefaultLeft = node.DefaultLeft ? 1 : 0,
                Left = Relocate(node.Left, nodeOffset, leafOffset),
                Right = Relocate(node.Right, nodeOffset, leafOffset),
            });
        }

        return nodeOffset;
    }

    private static int Relocate(int child, int nodeOffset, int leafOffset) => child >= 0 ? child + nodeOffset : ~(~child + leafOffset);

    [StructLayout(LayoutKind.Sequential)]
    private struct Node
    {
        public double Threshold;
        public int Feature;
        public int DefaultLeft;
        public int Left;
        public int Right;
    }

    private sealed record Model(double BaseScore, int[] Roots, LossFunction Loss, bool IsIdentity);
}
