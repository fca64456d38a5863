namespace MatGenDiscovery.Grains.Contracts.Families;

public sealed record FamilyUpdate(int Round, IReadOnlyList<FamilyCandidate> Candidates, IReadOnlyList<Confirmation> Confirmations);
