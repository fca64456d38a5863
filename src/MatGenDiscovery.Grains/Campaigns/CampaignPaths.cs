namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>Control blobs of a campaign, next to its grain state.</summary>
public static class CampaignPaths
{
    /// <summary>Exists while a stop is requested; the running campaign checks it between stages.</summary>
    public static string Stop(string campaignId) => $"campaigns/{campaignId}/stop";

    /// <summary>Owner process and heartbeat of the silo running the campaign (<see cref="CampaignLease"/>).</summary>
    public static string Lease(string campaignId) => $"campaigns/{campaignId}/lease";

    public static string Experiment(string configHash) => $"experiments/{configHash}.json";
}
