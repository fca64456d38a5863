namespace MatGenDiscovery.Models.Evaluation;

/// <summary>Share of distinct generated and training compositions with <see cref="Arity"/> elements (each column sums to 1).</summary>
public sealed record ArityShare(int Arity, double Generated, double Training);
