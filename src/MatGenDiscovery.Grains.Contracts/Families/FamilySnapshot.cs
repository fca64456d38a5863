namespace MatGenDiscovery.Grains.Contracts.Families;

/// <param name="Candidates">Sorted by score, best first.</param>
/// <param name="Best">The highest-scoring candidate; null for an empty family.</param>
public sealed record FamilySnapshot(string ChemicalSystem, IReadOnlyList<FamilyCandidate> Candidates, FamilyCandidate? Best, IReadOnlyList<Confirmation> Confirmations);
