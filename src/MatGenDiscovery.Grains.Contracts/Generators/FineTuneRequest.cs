namespace MatGenDiscovery.Grains.Contracts.Generators;

/// <param name="Formulas">Training compositions (confirmed hits and known in-target materials).</param>
/// <param name="Targets">Their property values, aligned with <paramref name="Formulas"/> (used by conditional models).</param>
public sealed record FineTuneRequest(int FromStep, IReadOnlyList<string> Formulas, IReadOnlyList<double> Targets, int Steps, int BatchSize, int Seed);
