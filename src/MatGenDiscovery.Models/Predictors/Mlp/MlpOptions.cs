namespace MatGenDiscovery.Models.Predictors.Mlp;

/// <summary>
/// ElemNet-style network and training settings: fractions → hidden ReLU layers (optional dropout after each) → 1,
/// trained with Adam on the L1 loss of the standardised target, minibatches reshuffled each epoch, keeping the
/// epoch with the lowest validation MAE and stopping after <see cref="Patience"/> epochs without improvement.
/// </summary>
public sealed record MlpOptions
{
    /// <summary>ElemNet's funnel, shortened to the widths used in the issue: 1024 → 512 → 256 → 128 → 64.</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [1024, 512, 256, 128, 64];

    public float Dropout { get; init => field = value is >= 0f and < 1f ? value : throw new ArgumentOutOfRangeException(nameof(Dropout), value, "Dropout must be in [0, 1)."); }

    public float LearningRate { get; init => field = value > 0f ? value : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "LearningRate must be positive."); } = 1e-3f;

    public int BatchSize { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "BatchSize must be at least 1."); } = 128;

    public int MaxEpochs { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxEpochs), value, "MaxEpochs must be at least 1."); } = 40;

    /// <summary>
    /// Cosine annealing: epoch e (1-based) trains at LearningRate · ½(1 + cos(π(e − 1)/MaxEpochs)); otherwise constant.
    /// </summary>
    public bool CosineSchedule { get; init; }

    /// <summary>
    /// Also feed the 145 Magpie features, standardised on the training rows, after the fractions (feature set
    /// <c>fractions-N-magpie-145-v1</c>). MP formation energy, one 512-256-128-64 member, cosine, 40 epochs, seed 42:
    /// test MAE 0.1061 vs 0.1141 eV/atom on fractions alone.
    /// </summary>
    public bool MagpieInputs { get; init; }

    public int Patience { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Patience), value, "Patience must be at least 1."); } = 8;
}
