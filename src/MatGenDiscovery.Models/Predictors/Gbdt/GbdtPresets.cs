using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Predictors.Gbdt;

/// <summary>Named GBDT hyperparameter sets for the property predictors.</summary>
public static class GbdtPresets
{
    public const string Default = "default";
    public const string MatGanBandGap = "matgan-bandgap";
    public const string Fast = "fast";
    public const string Accurate = "accurate";

    public static IReadOnlyList<string> Names { get; } = [Default, MatGanBandGap, Fast, Accurate];

    /// <summary>
    /// <c>default</c>: accuracy-oriented (up to 1500 trees, learning rate 0.08, 127 leaves, 0.8 row and 0.5 column
    /// subsampling, early stopping after 50 rounds without validation gain); <c>matgan-bandgap</c>: MatGAN's band-gap GBDT
    /// (<see cref="GradientBoostingOptions.MatGanBandGap"/>); <c>fast</c>: 150 trees of 63 leaves for campaign hot loops;
    /// <c>accurate</c>: the <c>default</c> trees on the Huber loss (δ = 0.2 target units, early stopping on validation MAE)
    /// with up to 4000 trees — outliers such as the few MP formation energies above +2 eV/atom no longer pull whole leaves.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown preset name.</exception>
    public static GradientBoostingOptions Get(string name) => name.ToLowerInvariant() switch
    {
        Default => new GradientBoostingOptions
        {
            NumTrees = 1500,
            LearningRate = 0.08,
            MaxLeaves = 127,
            MaxDepth = 16,
            MinSamplesLeaf = 10,
            Subsample = 0.8,
            ColumnSubsample = 0.5,
            EarlyStoppingRounds = 50,
        },
        MatGanBandGap => GradientBoostingOptions.MatGanBandGap,
        Accurate => Get(Default) with
        {
            NumTrees = 4000,
            EarlyStoppingRounds = 100,
            Loss = GradientBoostingLoss.Huber,
            HuberDelta = 0.2,
        },
        Fast => new GradientBoostingOptions
        {
            NumTrees = 150,
            LearningRate = 0.15,
            MaxLeaves = 63,
            MaxDepth = 12,
            MinSamplesLeaf = 10,
            Subsample = 0.8,
            ColumnSubsample = 0.5,
            EarlyStoppingRounds = 20,
        },
        _ => throw new ArgumentException($"unknown GBDT preset '{name}'; expected one of {string.Join(", ", Names)}", nameof(name)),
    };
}
