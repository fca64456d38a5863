namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>A campaign config is malformed or names something that does not exist; the message names the source and field.</summary>
public sealed class CampaignConfigException(string message, Exception? innerException = null) : ArgumentException(message, innerException);
