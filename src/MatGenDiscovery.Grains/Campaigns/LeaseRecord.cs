namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>Who runs a campaign: process id, host name, a per-run token and the last heartbeat (UTC).</summary>
public sealed record LeaseRecord(int ProcessId, string Host, string Token, DateTimeOffset Heartbeat);
