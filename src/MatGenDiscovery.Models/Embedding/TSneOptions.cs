namespace MatGenDiscovery.Models.Embedding;

/// <summary>
/// Settings of exact t-SNE (van der Maaten and Hinton 2008). <see cref="Perplexity"/> is the effective number of
/// neighbours each point's Gaussian covers (must be below n − 1). The first <see cref="ExaggerationIterations"/>
/// iterations multiply P by <see cref="EarlyExaggeration"/> and use <see cref="InitialMomentum"/>, later ones
/// <see cref="FinalMomentum"/>. A null <see cref="LearningRate"/> picks max(n / exaggeration / 4, 50), as scikit-learn's "auto".
/// </summary>
public sealed record TSneOptions
{
    public double Perplexity { get; init; } = 30;

    public int Iterations { get; init; } = 1000;

    public double EarlyExaggeration { get; init; } = 12;

    public int ExaggerationIterations { get; init; } = 250;

    public double? LearningRate { get; init; }

    public double InitialMomentum { get; init; } = 0.5;

    public double FinalMomentum { get; init; } = 0.8;

    public int Seed { get; init; }

    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!(Perplexity > 1) || !double.IsFinite(Perplexity))
        {
            throw new ArgumentOutOfRangeException(nameof(Perplexity), Perplexity, "perplexity must be a finite number above 1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Iterations, 1, nameof(Iterations));
        ArgumentOutOfRangeException.ThrowIfNegative(ExaggerationIterations, nameof(ExaggerationIterations));
        if (!(EarlyExaggeration >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(EarlyExaggeration), EarlyExaggeration, "early exaggeration must be at least 1");
        }

        if (LearningRate is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), rate, "learning rate must be a positive finite number");
        }

        if (InitialMomentum is < 0 or >= 1 || FinalMomentum is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialMomentum), "momentum must lie in [0, 1)");
        }
    }
}
