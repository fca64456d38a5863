using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>A named set of known compositions (e.g. <c>oqmd</c>, <c>icsd</c>) that can confirm a novel generated composition.</summary>
public sealed record ReferenceDatabase(string Name, IReadOnlyList<Composition> Compositions);
