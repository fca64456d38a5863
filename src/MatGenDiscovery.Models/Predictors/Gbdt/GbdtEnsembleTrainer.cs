using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Predictors.Gbdt;

/// <summary>
/// Trains K gradient-boosted members on feature rows of <see cref="Features"/>. Member k uses seed <c>seed + <see cref="SeedStride"/>·k</c> for its trees and,
/// with <see cref="Bootstrap"/>, a bootstrap resample (n rows drawn with replacement) of the training rows;
/// every member early-stops on the same validation rows when the options ask for it.
/// </summary>
public sealed class GbdtEnsembleTrainer
{
    public GbdtEnsembleTrainer(GradientBoostingOptions options, int ensembleSize, bool bootstrap = true, GbdtFeatureSet? features = null)
    {
        Features = features ?? GbdtFeatureSet.Magpie;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(ensembleSize, 1);
        Options = options.Loss == GradientBoostingLoss.Logistic ? options with { Loss = GradientBoostingLoss.SquaredError } : options;
        EnsembleSize = ensembleSize;
        Bootstrap = bootstrap;
    }

    public GradientBoostingOptions Options { get; }

    public int EnsembleSize { get; }

    public bool Bootstrap { get; }

    public GbdtFeatureSet Features { get; }

    /// <summary>Distance between consecutive member seeds (default 7919, a prime, so members of nearby seeds do not coincide).</summary>
    public int SeedStride { get; init; } = 7919;

    /// <param name="features">Row-major n × <see cref="GbdtFeatureSet.Count"/> matrix.</param>
    /// <param name="onMemberDone">Called after each member with its index and the trees it kept.</param>
    public IReadOnlyList<GradientBoostedTrees> Train(
        double[] features, double[] targets, double[] validationFeatures, double[] validationTargets, int seed,
        Action<int, int>? onMemberDone = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        var members = new List<GradientBoostedTrees>(EnsembleSize);
        for (var k = 0; k < EnsembleSize; k++)
        {
            var memberSeed = unchecked(seed + (SeedStride * k));
            var (x, y) = Bootstrap && EnsembleSize > 1 ? Resample(features, targets, Features.Count, memberSeed) : (features, targets);
            var trainer = new GradientBoostingTrainer(Options with { Seed = memberSeed });
            var fit = validationTargets.Length > 0
                ? trainer.Fit<double>(x, Features.Count, y, validationFeatures, validationTargets)
                : trainer.Fit<double>(x, Features.Count, y);
            members.Add(fit.Model);
            onMemberDone?.Invoke(k, fit.Model.Trees.Count);
        }

        return members;
    }

    /// <summary>n rows drawn uniformly with replacement (seeded).</summary>
    internal static (double[] Features, double[] Targets) Resample(double[] features, double[] targets, int columns, int seed)
    {
        var n = targets.Length;
        var random = new Random(seed);
        var x = new double[features.Length];
        var y = new double[n];
        for (var row = 0; row < n; row++)
        {
            var source = random.Next(n);
            features.AsSpan(source * columns, columns).CopyTo(x.AsSpan(row * columns, columns));
            y[row] = targets[source];
        }

        return (x, y);
    }
}
