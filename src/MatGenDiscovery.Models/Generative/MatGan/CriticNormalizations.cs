using MatGenDiscovery.NeuralNetworks.Architectures;

namespace MatGenDiscovery.Models.Generative.MatGan;

/// <summary>The values accepted in <see cref="Experiments.ModelConfig.CriticNormalization"/>.</summary>
public static class CriticNormalizations
{
    /// <summary>Batch norm after the critic's inner convolutions, as published (Dan et al. 2020).</summary>
    public const string Batch = "batch";

    /// <summary>Per-sample layer norm over channels and positions (WGAN-GP's suggested replacement for batch norm).</summary>
    public const string Layer = "layer";

    /// <summary>No normalisation in the critic (Gulrajani et al. 2017, WGAN-GP).</summary>
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } = [Batch, Layer, None];

    /// <exception cref="ArgumentException">Not one of <see cref="All"/>.</exception>
    public static CriticNormalization Parse(string value) => value switch
    {
        Batch => CriticNormalization.Batch,
        Layer => CriticNormalization.Layer,
        None => CriticNormalization.None,
        _ => throw new ArgumentException(
            $"unknown critic normalisation '{value}'; expected one of {string.Join(", ", All)}", nameof(value)),
    };
}
