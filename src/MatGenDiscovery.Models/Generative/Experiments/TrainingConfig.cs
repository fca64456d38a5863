using System.Text.Json.Serialization;

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

    /// <summary>
    /// Automatic checkpoint selection by a generation probe at every checkpoint: <c>valid_unique</c> (distinct
    /// SMACT-valid compositions per sample); the best is copied to <c>checkpoints/selected.safetensors</c> and every
    /// probe is logged in <c>selection.csv</c>. No selection when unset. Omitted from the JSON when unset.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SelectBy { get; init; }

    /// <summary>Samples per selection probe (20,000 when unset). Omitted from the JSON when unset.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? SelectionSamples { get; init; }
}
