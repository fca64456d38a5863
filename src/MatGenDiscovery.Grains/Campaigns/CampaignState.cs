using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Contracts.Validation;

namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>Everything a campaign needs to continue after its last completed round; written at every round end.</summary>
public sealed class CampaignState
{
    public CampaignConfig? Config { get; set; }

    public string ConfigHash { get; set; } = "";

    public CampaignPhase Phase { get; set; } = CampaignPhase.New;

    public string? StopReason { get; set; }

    public List<RoundMetrics> Rounds { get; set; } = [];

    /// <summary>Checkpoint step each generator continues from.</summary>
    public Dictionary<string, int> GeneratorSteps { get; set; } = [];

    /// <summary>Formulas scored in earlier rounds (never re-scored).</summary>
    public List<string> Seen { get; set; } = [];

    /// <summary>Every label the oracle revealed to the campaign, in order.</summary>
    public List<RevealedLabel> Labels { get; set; } = [];

    /// <summary>Hits so far with their true values of each target property (the generators' fine-tuning set).</summary>
    public List<string> Hits { get; set; } = [];

    public double? BestRevealedScore { get; set; }

    public string? BestRevealedFormula { get; set; }

    public int RoundsWithoutImprovement { get; set; }

    /// <summary>SHA-256 chain over (previous digest, round CSV text, round metrics JSON).</summary>
    public string Digest { get; set; } = "";

    /// <summary>The status a reader sees: the state as of the last completed round.</summary>
    public CampaignStatus ToStatus(string campaignId) => new(
        campaignId,
        Config?.Name ?? "",
        Phase,
        ConfigHash,
        Rounds.Count,
        Config?.Budget.Rounds ?? 0,
        Rounds.ToList(),
        Digest,
        StopReason);
}
