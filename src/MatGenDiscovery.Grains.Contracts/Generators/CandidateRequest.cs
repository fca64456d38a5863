namespace MatGenDiscovery.Grains.Contracts.Generators;

/// <param name="Step">Checkpoint step to sample from.</param>
/// <param name="Target">Property value to condition on (conditional models only; ignored otherwise).</param>
public sealed record CandidateRequest(int Count, int Seed, int Step, double? Target);
