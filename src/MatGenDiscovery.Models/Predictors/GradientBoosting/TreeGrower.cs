namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>
/// Grows one tree on binned data from per-row gradients and hessians. Histograms are built for the smaller
/// child only; the larger child's is the parent's minus the smaller's, computed in place in the parent's array.
/// </summary>
/// <remarks>
/// Work is parallel over feature columns: each feature's histogram and best split are computed by one thread in
/// row order, and per-feature results are reduced in feature order, so the tree does not depend on thread timing.
/// </remarks>
internal sealed class TreeGrower
{
    /// <summary>Below this many (row + bin) visits per node, threads cost more than they save.</summary>
    private const int ParallelWorkThreshold = 32_768;

    private readonly BinnedMatrix _data;
    private readonly GradientBoostingOptions _options;
    private readonly ParallelOptions _parallelOptions;
    private readonly SplitFinder _splitFinder;
    private readonly int[] _featureOffsets;
    private readonly int _histogramLength;
    private readonly int[] _rows;
    private readonly int[] _scratch;
    private readonly double[] _orderedGradients;
    private readonly double[] _orderedHessians;
    private readonly SplitCandidate[] _smallerCandidates;
    private readonly SplitCandidate[] _largerCandidates;
    private readonly Stack<HistogramEntry[]> _histogramPool = new();
    private readonly List<GrowingLeaf> _leaves = [];
    private readonly List<TreeNode> _nodes = [];
    private readonly List<double> _gains = [];
    private readonly List<int> _binThresholds = [];
    private double[] _gradients = [];
    private double[] _hessians = [];
    private int[] _features = [];
    private bool _unitHessians;

    public TreeGrower(BinnedMatrix data, GradientBoostingOptions options, ParallelOptions parallelOptions)
    {
        _data = data;
        _options = options;
        _parallelOptions = parallelOptions;
        _splitFinder = new SplitFinder(options);
        _featureOffsets = new int[data.ColumnCount + 1];
        for (var feature = 0; feature < data.ColumnCount; feature++)
        {
            _featureOffsets[feature + 1] = _featureOffsets[feature] + data.Binning.NanBin(feature) + 1;
        }

        _histogramLength = _featureOffsets[^1];
        _rows = new int[data.RowCount];
        _scratch = new int[data.RowCount];
        _orderedGradients = new double[data.RowCount];
        _orderedHessians = new double[data.RowCount];
        _smallerCandidates = new SplitCandidate[data.ColumnCount];
        _largerCandidates = new SplitCandidate[data.ColumnCount];
    }

    /// <param name="bag">Sorted training rows used for this tree.</param>
    /// <param name="features">Sorted feature columns this tree may split on.</param>
    /// <param name="unitHessians">Every hessian is 1 (squared error), so a bin's hessian sum is its row count.</param>
    public GrownTree Grow(ReadOnlySpan<int> bag, double[] gradients, double[] hessians, int[] features, bool unitHessians)
    {
        _gradients = gradients;
        _hessians = hessians;
        _unitHessians = unitHessians;
        _features = features;
        _leaves.Clear();
        _nodes.Clear();
        _gains.Clear();
        _binThresholds.Clear();
        bag.CopyTo(_rows);

        double sumGradient = 0, sumHessian = 0;
        foreach (var row in bag)
        {
            sumGradient += gradients[row];
            sumHessian += hessians[row];
        }

        var root = new GrowingLeaf
        {
            Id = 0, Start = 0, Count = bag.Length, Depth = 0,
            SumGradient = sumGradient, SumHessian = sumHessian, ParentNode = -1, IsLeftChild = false,
        };
        _leaves.Add(root);
        if (MaySplit(root))
        {
            root.Histogram = RentHistogram();
            BuildHistograms(root, null, findSmaller: true, findLarger: false);
            ReleaseIfFinal(root);
        }

        while (_leaves.Count < _options.MaxLeaves && SelectLeafToSplit() is { } leaf)
        {
            Split(leaf);
        }

        foreach (var leaf in _leaves)
        {
            ReleaseIfFinal(leaf, force: true);
        }

        return BuildTree();
    }

    private bool MaySplit(GrowingLeaf leaf) =>
        leaf.Depth < _options.MaxDepth && leaf.Count >= 2 * _options.MinSamplesLeaf && _leaves.Count < _options.MaxLeaves;

    private GrowingLeaf? SelectLeafToSplit()
    {
        GrowingLeaf? best = null;
        var depthWise = _options.Growth == TreeGrowth.DepthWise;
        foreach (var leaf in _leaves)
        {
            if (!leaf.Best.IsValid)
            {
                continue;
            }

            if (best is null
                || (depthWise && leaf.Depth < best.Depth)
                || ((!depthWise || leaf.Depth == best.Depth) && leaf.Best.Gain > best.Best.Gain))
            {
                best = leaf;
            }
        }

        return best;
    }

    private void Split(GrowingLeaf leaf)
    {
        var split = leaf.Best;
        var nodeIndex = _nodes.Count;
        var threshold = _data.Binning.Threshold(split.Feature, split.BinThreshold);
        _nodes.Add(new TreeNode(split.Feature, threshold, split.DefaultLeft, ~leaf.Id, ~_leaves.Count));
        _gains.Add(split.Gain);
        _binThresholds.Add(split.BinThreshold);
        LinkParent(leaf, nodeIndex);

        var leftCount = Partition(leaf, split);
        var left = new GrowingLeaf
        {
            Id = leaf.Id, Start = leaf.Start, Count = leftCount, Depth = leaf.Depth + 1,
            SumGradient = split.LeftGradient, SumHessian = split.LeftHessian, ParentNode = nodeIndex, IsLeftChild = true,
        };
        var right = new GrowingLeaf
        {
            Id = _leaves.Count, Start = leaf.Start + leftCount, Count = leaf.Count - leftCount, Depth = leaf.Depth + 1,
            SumGradient = leaf.SumGradient - split.LeftGradient, SumHessian = leaf.SumHessian - split.LeftHessian,
            ParentNode = nodeIndex, IsLeftChild = false,
        };
        _leaves[leaf.Id] = left;
        _leaves.Add(right);

        var (smaller, larger) = left.Count <= right.Count ? (left, right) : (right, left);
        var findSmaller = MaySplit(smaller);
        var findLarger = MaySplit(larger);
        if (findSmaller || findLarger)
        {
            smaller.Histogram = RentHistogram();
            larger.Histogram = leaf.Histogram;
            BuildHistograms(smaller, larger, findSmaller, findLarger);
            ReleaseIfFinal(smaller);
            ReleaseIfFinal(larger);
        }
        else
        {
            Release(leaf.Histogram);
        }

        leaf.Histogram = null;
    }

    private void LinkParent(GrowingLeaf leaf, int nodeIndex)
    {
        if (leaf.ParentNode < 0)
        {
            return;
        }

        var parent = _nodes[leaf.ParentNode];
        _nodes[leaf.ParentNode] = leaf.IsLeftChild ? parent with { Left = nodeIndex } : parent with { Right = nodeIndex };
    }

    /// <summary>Stable in-place partition of the leaf's rows; returns the number going left.</summary>
    private int Partition(GrowingLeaf leaf, SplitCandidate split)
    {
        var column = _data.Column(split.Feature);
        var nanBin = _data.Binning.NanBin(split.Feature);
        var rows = _rows.AsSpan(leaf.Start, leaf.Count);
        int leftCount = 0, rightCount = 0;
        foreach (var row in rows)
        {
            int bin = column[row];
            var goLeft = bin == nanBin ? split.DefaultLeft : bin <= split.BinThreshold;
            if (goLeft)
            {
                rows[leftCount++] = row;
            }
            else
            {
                _scratch[rightCount++] = row;
            }
        }

        _scratch.AsSpan(0, rightCount).CopyTo(rows[leftCount..]);
        return leftCount;
    }

    /// <summary>
    /// Fills <paramref name="smaller"/>'s histogram from its rows and, if <paramref name="larger"/> is given, turns
    /// its histogram (the parent's) into parent − smaller; then finds each requested leaf's best split.
    /// </summary>
    private void BuildHistograms(GrowingLeaf smaller, GrowingLeaf? larger, bool findSmaller, bool findLarger)
    {
        var rows = _rows.AsSpan(smaller.Start, smaller.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            _orderedGradients[i] = _gradients[rows[i]];
        }

        if (!_unitHessians)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                _orderedHessians[i] = _hessians[rows[i]];
            }
        }

        var work = (long)_features.Length * (smaller.Count + 256);
        if (work < ParallelWorkThreshold || _features.Length == 1)
        {
            for (var i = 0; i < _features.Length; i++)
            {
                ProcessFeature(i, smaller, larger, findSmaller, findLarger);
            }
        }
        else
        {
            Parallel.For(0, _features.Length, _parallelOptions, i => ProcessFeature(i, smaller, larger, findSmaller, findLarger));
        }

        if (findSmaller)
        {
            smaller.Best = Reduce(_smallerCandidates);
        }

        if (findLarger && larger is not null)
        {
            larger.Best = Reduce(_largerCandidates);
        }
    }

    private void ProcessFeature(int index, GrowingLeaf smaller, GrowingLeaf? larger, bool findSmaller, bool findLarger)
    {
        var feature = _features[index];
        var offset = _featureOffsets[feature];
        var length = _featureOffsets[feature + 1] - offset;
        var histogram = smaller.Histogram.AsSpan(offset, length);
        histogram.Clear();
        var rows = _rows.AsSpan(smaller.Start, smaller.Count);
        if (_unitHessians)
        {
            HistogramOperations.AccumulateUnitHessians(histogram, _data.Column(feature), rows, _orderedGradients);
        }
        else
        {
            HistogramOperations.Accumulate(histogram, _data.Column(feature), rows, _orderedGradients, _orderedHessians);
        }

        if (findSmaller)
        {
            _smallerCandidates[index] = _splitFinder.FindBest(feature, histogram, smaller.SumGradient, smaller.SumHessian, smaller.Count);
        }

        if (larger is null)
        {
            return;
        }

        var largerHistogram = larger.Histogram.AsSpan(offset, length);
        HistogramOperations.Subtract(largerHistogram, histogram);

        if (findLarger)
        {
            _largerCandidates[index] = _splitFinder.FindBest(feature, largerHistogram, larger.SumGradient, larger.SumHessian, larger.Count);
        }
    }

    /// <summary>Highest gain wins; ties go to the lower feature, independent of which thread finished first.</summary>
    private SplitCandidate Reduce(SplitCandidate[] candidates)
    {
        var best = SplitCandidate.None;
        for (var i = 0; i < _features.Length; i++)
        {
            if (candidates[i].IsValid && (!best.IsValid || candidates[i].Gain > best.Gain))
            {
                best = candidates[i];
            }
        }

        return best;
    }

    private void ReleaseIfFinal(GrowingLeaf leaf, bool force = false)
    {
        if (leaf.Histogram is not null && (force || !leaf.Best.IsValid))
        {
            Release(leaf.Histogram);
            leaf.Histogram = null;
        }
    }

    private HistogramEntry[] RentHistogram() =>
        _histogramPool.TryPop(out var histogram) ? histogram : new HistogramEntry[_histogramLength];

    private void Release(HistogramEntry[]? histogram)
    {
        if (histogram is not null)
        {
            _histogramPool.Push(histogram);
        }
    }

    private GrownTree BuildTree()
    {
        var leafValues = new double[_leaves.Count];
        var leafCounts = new int[_leaves.Count];
        foreach (var leaf in _leaves)
        {
            leafValues[leaf.Id] = _options.LearningRate * SplitFinder.LeafValue(leaf.SumGradient, leaf.SumHessian, _options.L2Regularization);
            leafCounts[leaf.Id] = leaf.Count;
        }

        var tree = new RegressionTree([.. _nodes], [.. _gains], leafValues, leafCounts);
        return new GrownTree(tree, [.. _binThresholds]);
    }
}
