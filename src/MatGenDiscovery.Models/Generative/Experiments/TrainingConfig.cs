namespace MatGenDiscovery.Models.Generative.Experiments;

/// <summary>Length of a run and how often it checkpoints and logs. One step is one generator (or autoencoder) update.</summary>
public sealed record TrainingConfig
{
    public required int Steps { get; init; }

    public required int BatchSize { get; init; }

    public int CheckpointInterval { get; init; } = 1000;

    public int LogInterval { get; init; } = 100;

    /// <summary>How many of the newest checkpoints are kept on disk.</summary>
    public int KeepCheckpoints { get; init; } = 3;
}
