using MatGenDiscovery.Grains.Contracts.Campaigns;

namespace MatGenDiscovery.Grains.Campaigns;

/// <param name="Matches">Whether the replay's digest equals the original's.</param>
public sealed record ReplayResult(string OriginalId, string ReplayId, string OriginalDigest, string ReplayDigest, bool Matches, CampaignStatus Replay);
