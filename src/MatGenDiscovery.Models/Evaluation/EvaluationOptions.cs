using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Models.Repair;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Which optional parts of <see cref="EvaluationSuite"/> run. Enrichment enumerates every composition of each arity
/// over <see cref="EnrichmentElements"/> with counts ≤ <see cref="EnrichmentMaxCount"/> (ternary over MatGAN's 85
/// elements with M = 8: about 47 million; cached per process). <see cref="RepairSamples"/> = 0 skips valency repair.
/// </summary>
public sealed record EvaluationOptions
{
    public IReadOnlyList<string> OxidationStates { get; init; } = ValidityGrid.DefaultOxidationStates;

    public IReadOnlyList<int> EnrichmentArities { get; init; } = [2, 3];

    public int EnrichmentMaxCount { get; init; } = 8;

    public string EnrichmentElementSetName { get; init; } = "matgan85";

    public IReadOnlyList<Element> EnrichmentElements { get; init; } = ElementSets.MatGan85;

    public int RepairSamples { get; init; }

    public ValencyRepairOptions Repair { get; init; } = new();

    public int Seed { get; init; }

    public int MaxExamples { get; init; } = 20;
}
