namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>The campaign is live in another process (its lease is fresh), or this process lost its lease.</summary>
public sealed class CampaignLeaseException(string message) : InvalidOperationException(message);
