namespace MatGenDiscovery.Grains.Contracts.Campaigns;

/// <param name="ConfigHash">Lower-case hex SHA-256 of the canonical config JSON; the config is stored at <c>experiments/&lt;hash&gt;.json</c>.</param>
/// <param name="Digest">SHA-256 over the canonical candidate set and per-round metrics so far; equal digests mean equal runs.</param>
/// <param name="StopReason">Why the campaign completed or stopped (budget, patience, stop request); null while running.</param>
public sealed record CampaignStatus(
    string CampaignId,
    string Name,
    CampaignPhase Phase,
    string ConfigHash,
    int RoundsCompleted,
    int RoundBudget,
    IReadOnlyList<RoundMetrics> Rounds,
    string Digest,
    string? StopReason);
