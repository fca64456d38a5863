namespace MatGenDiscovery.Grains.Contracts.Campaigns;

public enum CampaignPhase
{
    /// <summary>No config stored yet.</summary>
    New,

    /// <summary>Started; more rounds to run.</summary>
    Running,

    /// <summary>A stop was requested; resume continues at the next round.</summary>
    Stopped,

    /// <summary>The round budget is spent or rounds stopped improving (patience).</summary>
    Completed,
}
