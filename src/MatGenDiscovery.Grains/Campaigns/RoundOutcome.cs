using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Contracts.Validation;

namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>What a completed round adds to the campaign state.</summary>
public sealed record RoundOutcome(
    RoundMetrics Metrics,
    IReadOnlyList<string> NewFormulas,
    IReadOnlyList<RevealedLabel> Labels,
    IReadOnlyList<string> Hits,
    IReadOnlyDictionary<string, int> GeneratorSteps,
    string CandidateCsv);
