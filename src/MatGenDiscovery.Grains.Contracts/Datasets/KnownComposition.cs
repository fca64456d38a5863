namespace MatGenDiscovery.Grains.Contracts.Datasets;

/// <param name="Formula">The reduced formula of the query.</param>
/// <param name="Values">Property values of the first row holding the composition (null: empty cell); empty when unknown.</param>
public sealed record KnownComposition(string Formula, bool Known, IReadOnlyDictionary<string, double?> Values);
