namespace MatGenDiscovery.NeuralNetworks.Architectures;

/// <summary>
/// Sizes of the MatGAN networks: latent vector length and the elements × counts composition matrix (85 × 8 in the
/// paper), and the conv critic's normalisation (batch norm as published).
/// </summary>
public sealed record MatGanNetworkOptions(
    int LatentSize = 128, int Elements = 85, int Counts = 8, float LeakySlope = 0.2f,
    CriticNormalization CriticNormalization = CriticNormalization.Batch,
    MatGanGeneratorOutput GeneratorOutput = MatGanGeneratorOutput.Sigmoid)
{
    public static MatGanNetworkOptions Default { get; } = new();

    /// <summary>Elements·Counts, the flat sample length of the MLP variant.</summary>
    public int SampleLength => Elements * Counts;

    /// <exception cref="ArgumentOutOfRangeException">A size is too small for the networks' down-sampling.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LatentSize, nameof(LatentSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(Elements, 2, nameof(Elements));
        ArgumentOutOfRangeException.ThrowIfLessThan(Counts, 2, nameof(Counts));
        if (!(LeakySlope >= 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(LeakySlope), $"Leaky ReLU slope must be non-negative, got {LeakySlope}.");
        }

        if (!Enum.IsDefined(CriticNormalization))
        {
            throw new ArgumentOutOfRangeException(nameof(CriticNormalization), $"Unknown critic normalisation {(int)CriticNormalization}.");
        }

        if (!Enum.IsDefined(GeneratorOutput))
        {
            throw new ArgumentOutOfRangeException(nameof(GeneratorOutput), $"Unknown generator output {(int)GeneratorOutput}.");
        }
    }
}
