namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>Order in which a tree's leaves are split.</summary>
public enum TreeGrowth
{
    /// <summary>Best-first: always split the leaf with the largest gain (LightGBM).</summary>
    LeafWise,

    /// <summary>Level by level: every splittable leaf at depth k is split before any leaf at depth k + 1.</summary>
    DepthWise,
}
