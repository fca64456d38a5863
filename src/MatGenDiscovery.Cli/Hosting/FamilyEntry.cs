using MatGenDiscovery.Grains.Contracts.Families;

namespace MatGenDiscovery.Cli.Hosting;

/// <summary>One candidate of a campaign's families with its system and the oracle's confirmations of it.</summary>
public sealed record FamilyEntry(string ChemicalSystem, FamilyCandidate Candidate, IReadOnlyList<Confirmation> Confirmations);
