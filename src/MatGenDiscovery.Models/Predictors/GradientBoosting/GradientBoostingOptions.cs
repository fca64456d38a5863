namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>
/// Hyperparameters of a histogram gradient-boosted tree ensemble. Every property validates in its
/// <c>init</c> accessor, so object initialisers, <c>with</c> expressions and JSON all reject bad values
/// with an <see cref="ArgumentOutOfRangeException"/> naming the property.
/// </summary>
public sealed record GradientBoostingOptions
{
    /// <summary>
    /// MatGAN's band-gap GBDT (Dan et al. 2020): learning rate 0.06, max depth 20, subsample 0.4, 100 trees.
    /// </summary>
    /// <remarks>
    /// The paper gives only a depth limit; a tree limited by depth alone may have up to 2^20 leaves, i.e. one per
    /// compound. Here growth is leaf-wise and capped at 255 leaves: a 0.4 bag of ~84k Materials Project rows is
    /// ~34k rows, so 255 leaves average ~130 rows each, fine enough for chemical families without memorising single
    /// compounds; depth 20 still bounds long chains of best-first splits. MinSamplesLeaf 20 (LightGBM's default)
    /// keeps leaf means from resting on a few noisy DFT band gaps.
    /// </remarks>
    public static GradientBoostingOptions MatGanBandGap => new()
    {
        NumTrees = 100,
        LearningRate = 0.06,
        MaxDepth = 20,
        MaxLeaves = 255,
        Growth = TreeGrowth.LeafWise,
        MinSamplesLeaf = 20,
        Subsample = 0.4,
        Loss = GradientBoostingLoss.SquaredError,
    };

    public int NumTrees { get; init => field = AtLeast(value, 1, nameof(NumTrees)); } = 100;

    /// <summary>Shrinkage applied to every leaf value, in (0, 1].</summary>
    public double LearningRate { get; init => field = InUnitInterval(value, nameof(LearningRate)); } = 0.1;

    /// <summary>Maximum number of splits from root to leaf; the root alone has depth 0.</summary>
    public int MaxDepth { get; init => field = AtLeast(value, 1, nameof(MaxDepth)); } = 16;

    public int MaxLeaves { get; init => field = AtLeast(value, 2, nameof(MaxLeaves)); } = 31;

    public TreeGrowth Growth { get; init => field = Defined(value, nameof(Growth)); } = TreeGrowth.LeafWise;

    /// <summary>Minimum number of (bagged) training rows in each leaf.</summary>
    public int MinSamplesLeaf { get; init => field = AtLeast(value, 1, nameof(MinSamplesLeaf)); } = 20;

    /// <summary>Minimum sum of hessians in each leaf (LightGBM's min_sum_hessian_in_leaf).</summary>
    public double MinHessianLeaf { get; init => field = NonNegative(value, nameof(MinHessianLeaf)); } = 1e-3;

    /// <summary>λ in leaf value −G/(H + λ) and in the split gain.</summary>
    public double L2Regularization { get; init => field = NonNegative(value, nameof(L2Regularization)); } = 1.0;

    /// <summary>A split is made only if its gain exceeds this value.</summary>
    public double MinSplitGain { get; init => field = NonNegative(value, nameof(MinSplitGain)); }

    /// <summary>Fraction of rows drawn without replacement for each tree (bagging fraction), in (0, 1].</summary>
    public double Subsample { get; init => field = InUnitInterval(value, nameof(Subsample)); } = 1.0;

    /// <summary>Fraction of feature columns drawn for each tree, in (0, 1].</summary>
    public double ColumnSubsample { get; init => field = InUnitInterval(value, nameof(ColumnSubsample)); } = 1.0;

    /// <summary>Maximum number of value bins per feature, in [2, 255]; missing values get one more bin.</summary>
    public int MaxBins { get; init => field = InRange(value, 2, 255, nameof(MaxBins)); } = 255;

    /// <summary>
    /// Stop when the validation metric has not improved for this many trees and keep the best iteration;
    /// <c>null</c> trains all <see cref="NumTrees"/>. Requires a validation set.
    /// </summary>
    public int? EarlyStoppingRounds
    {
        get;
        init => field = value is null ? null : AtLeast(value.Value, 1, nameof(EarlyStoppingRounds));
    }

    public GradientBoostingLoss Loss { get; init => field = Defined(value, nameof(Loss)); } = GradientBoostingLoss.SquaredError;

    /// <summary>δ of <see cref="GradientBoostingLoss.Huber"/>: residuals beyond ±δ (target units) pull with constant force.</summary>
    public double HuberDelta { get; init => field = Positive(value, nameof(HuberDelta)); } = 1.0;

    /// <summary>Seed for row/column subsampling and for the binning sample; equal seeds give identical models.</summary>
    public int Seed { get; init; }

    private static int AtLeast(int value, int minimum, string name) =>
        value >= minimum ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum}.");

    private static int InRange(int value, int minimum, int maximum, string name) =>
        value >= minimum && value <= maximum
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {minimum} and {maximum}.");

    private static double NonNegative(double value, string name) =>
        value >= 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0.");

    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0.");

    private static double InUnitInterval(double value, string name) =>
        value > 0 && value <= 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in (0, 1].");

    private static TEnum Defined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} is not a defined {typeof(TEnum).Name}.");
}
