using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Generated samples in generation order (duplicates kept: uniqueness is measured on them), the requested property
/// target of each sample (null for unconditional samples; aligned with <see cref="Compositions"/>), and the rows that
/// could not be parsed.
/// </summary>
public sealed record GeneratedSamples(
    IReadOnlyList<Composition> Compositions,
    IReadOnlyList<double?> Targets,
    int Unparsable,
    IReadOnlyList<string> UnparsableExamples)
{
    public static GeneratedSamples From(IReadOnlyList<Composition> compositions, IReadOnlyList<double?>? targets = null) =>
        new(compositions, targets ?? new double?[compositions.Count], 0, []);

    public bool HasTargets => Targets.Any(t => t is not null);
}
