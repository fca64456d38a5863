using System.Text.Json;

namespace MatGenDiscovery.Grains.Contracts.Campaigns;

/// <summary>
/// A candidate generator. <see cref="Kind"/> <c>model</c>: a generative model (MatGAN, CondGAN, CondVAE) trained in
/// the first round from <see cref="Experiment"/> (an experiment config as in <c>experiments/*.json</c>) or loaded
/// from <see cref="Checkpoint"/>; <c>random</c>: uniformly random compositions over the allowed elements (the
/// enumeration-style baseline of MatGAN), needing no training.
/// </summary>
public sealed record GeneratorConfig
{
    /// <summary>Unique within the campaign; part of the generator's grain key and checkpoint path.</summary>
    public required string Name { get; init; }

    /// <summary><c>model</c> or <c>random</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Inline experiment config (snake_case, as in <c>experiments/*.json</c>).</summary>
    public JsonElement? Experiment { get; init; }

    /// <summary>Path of an experiment config file, read and inlined into <see cref="Experiment"/> when the campaign config is loaded.</summary>
    public string? ExperimentFile { get; init; }

    /// <summary>Overrides the experiment's <c>training.steps</c> (quick campaigns).</summary>
    public int? TrainingSteps { get; init; }

    /// <summary>Path of a trained generative checkpoint (safetensors) to start from instead of training.</summary>
    public string? Checkpoint { get; init; }

    /// <summary>Samples drawn per round (before deduplication).</summary>
    public int SamplesPerRound { get; init; } = 1000;

    /// <summary>Fine-tuning steps per round on confirmed hits (0: never fine-tune).</summary>
    public int FineTuneSteps { get; init; }

    /// <summary>Batch size of fine-tuning steps.</summary>
    public int FineTuneBatchSize { get; init; } = 32;

    /// <summary><c>random</c> kind: largest element count in a sampled composition.</summary>
    public int MaxCount { get; init; } = 6;
}
