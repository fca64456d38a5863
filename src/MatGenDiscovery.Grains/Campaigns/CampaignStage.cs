namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>The randomness-consuming stages of a round; each gets its own stream (see <see cref="CampaignRandom"/>).</summary>
public enum CampaignStage
{
    Generate = 1,
    Acquire = 2,
    Baseline = 3,
    FineTune = 4,
}
