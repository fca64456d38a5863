namespace MatGenDiscovery.Grains.Contracts.Generators;

/// <param name="Formulas">Distinct reduced formulas in first-occurrence order.</param>
/// <param name="Generated">Samples drawn.</param>
/// <param name="Decoded">Samples that decoded to a composition.</param>
/// <param name="Conditioned">Whether the samples were conditioned on the target.</param>
public sealed record CandidateBatch(string Generator, int Step, IReadOnlyList<string> Formulas, int Generated, int Decoded, bool Conditioned);
