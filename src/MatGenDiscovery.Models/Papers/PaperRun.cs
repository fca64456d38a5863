using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Generative.CondGan;

namespace MatGenDiscovery.Models.Papers;

/// <summary>
/// One stored experiment run, loaded for the report. <see cref="Family"/> is the experiment name without its
/// <c>-quick</c> / <c>-seed&lt;k&gt;</c> suffixes (e.g. <c>matgan-mp</c>), which decides the figures it feeds.
/// <see cref="Training"/>/<see cref="LeaveOut"/> are the experiment's reduced sets (targets aligned with training for
/// conditional models); <see cref="Generated"/> and <see cref="Evaluation"/> are null when the run has not been
/// sampled or evaluated yet; <see cref="Decodable"/> is set for autoencoder runs and flags which compositions survive
/// an encode–decode round trip. <see cref="PropertyHead"/> (CondGAN runs) compares the critic's property head with a
/// plain network on the leave-out set (Sawada's Table 4); <see cref="TrainingMax"/> is set for runs trained on a
/// restricted target range, with <see cref="Reference"/> the unrestricted set that judges their extrapolation (Fig. 1B).
/// </summary>
public sealed record PaperRun(
    RunSource Source,
    string Family,
    string Kind,
    string Dataset,
    string? TargetProperty,
    bool IsQuick,
    IReadOnlyList<Composition> Training,
    IReadOnlyList<double> TrainingTargets,
    IReadOnlyList<Composition> LeaveOut,
    GeneratedSamples? Generated,
    EvaluationReport? Evaluation)
{
    public Func<IReadOnlyList<Composition>, bool[]>? Decodable { get; init; }

    public Func<PropertyHeadResult>? PropertyHead { get; init; }

    /// <summary>The upper end of the target range the run was trained on (property units), or null.</summary>
    public double? TrainingMax { get; init; }

    public IReadOnlyList<Composition> Reference { get; init; } = [];

    public IReadOnlyList<double> ReferenceTargets { get; init; } = [];
}
