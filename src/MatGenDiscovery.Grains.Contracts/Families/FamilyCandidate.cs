namespace MatGenDiscovery.Grains.Contracts.Families;

/// <param name="Score">Campaign objective by predictor mean (higher is better).</param>
/// <param name="Generators">Generators that proposed it in <paramref name="Round"/>, sorted.</param>
/// <param name="Round">Round of first discovery.</param>
public sealed record FamilyCandidate(string Formula, double Score, IReadOnlyDictionary<string, double> Means, IReadOnlyDictionary<string, double> Stds, IReadOnlyList<string> Generators, int Round);
