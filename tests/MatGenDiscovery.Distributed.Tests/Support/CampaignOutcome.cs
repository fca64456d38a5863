namespace MatGenDiscovery.Distributed.Tests.Support;

/// <param name="Candidates">Candidate CSV text of each completed round, in round order.</param>
public sealed record CampaignOutcome(string Digest, int RoundsCompleted, IReadOnlyList<string> Candidates);
