namespace MatGenDiscovery.Models.Papers;

/// <summary>
/// Where a figure's numbers came from, enough to regenerate it: the run folder, its experiment config (path and
/// name), the seed, the checkpoint step and the first 12 hex digits of the checkpoint's SHA-256.
/// </summary>
public sealed record RunSource(string RunDirectory, string ConfigPath, string Experiment, int Seed, int? CheckpointStep, string? CheckpointDigest)
{
    public string Describe() =>
        $"run {Experiment} (config {ConfigPath}, seed {Seed}" +
        (CheckpointDigest is null ? ", no checkpoint" : $", checkpoint step {CheckpointStep} sha256 {CheckpointDigest}") + ")";
}
