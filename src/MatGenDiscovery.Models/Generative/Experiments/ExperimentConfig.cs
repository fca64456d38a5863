namespace MatGenDiscovery.Models.Generative.Experiments;

/// <summary>
/// One training experiment, as stored in <c>experiments/*.json</c> (snake_case). With the same seed, data and code,
/// a run replays exactly; <see cref="ExperimentConfigSerializer.Hash"/> identifies it in checkpoints.
/// </summary>
public sealed record ExperimentConfig
{
    public string Name { get; init; } = "";

    /// <summary>What the run reproduces and roughly how long it takes on two cores.</summary>
    public string Description { get; init; } = "";

    public required int Seed { get; init; }

    public required ModelConfig Model { get; init; }

    public required DataConfig Data { get; init; }

    public required TrainingConfig Training { get; init; }
}
