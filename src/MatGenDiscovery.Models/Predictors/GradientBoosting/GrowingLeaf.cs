namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>A leaf of the tree being grown: its rows are <c>rows[Start .. Start + Count)</c> of the grower's buffer.</summary>
internal sealed class GrowingLeaf
{
    public required int Id { get; init; }

    public required int Start { get; init; }

    public required int Count { get; init; }

    public required int Depth { get; init; }

    public required double SumGradient { get; init; }

    public required double SumHessian { get; init; }

    /// <summary>Node whose child pointer refers to this leaf; −1 for the root.</summary>
    public required int ParentNode { get; init; }

    public required bool IsLeftChild { get; init; }

    public HistogramEntry[]? Histogram { get; set; }

    public SplitCandidate Best { get; set; } = SplitCandidate.None;
}
