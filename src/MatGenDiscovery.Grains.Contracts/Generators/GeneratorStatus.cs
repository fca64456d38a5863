namespace MatGenDiscovery.Grains.Contracts.Generators;

/// <param name="ModelKind">e.g. <c>matgan</c>, <c>condvae</c>, <c>random</c>.</param>
/// <param name="Step">Checkpoint step of the model held (or just written).</param>
/// <param name="Checkpoints">Checkpoint steps stored for this generator, ascending.</param>
public sealed record GeneratorStatus(string GeneratorId, string ModelKind, bool Conditional, string? TargetProperty, int Step, IReadOnlyList<int> Checkpoints);
