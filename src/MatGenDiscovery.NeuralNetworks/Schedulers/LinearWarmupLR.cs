using MatGenDiscovery.NeuralNetworks.Optimizers;

namespace MatGenDiscovery.NeuralNetworks.Schedulers;

/// <summary>
/// Linear warm-up (PyTorch's LinearLR): lr = lr₀·(s + (e − s)·min(epoch, n)/n) from start factor s to end factor e
/// over n epochs, then constant.
/// </summary>
public sealed class LinearWarmupLR : LRScheduler
{
    /// <exception cref="ArgumentOutOfRangeException">A factor is outside (0, 1] (start) / [0, 1] (end), or n is not positive.</exception>
    public LinearWarmupLR(Optimizer optimizer, int warmupEpochs, float startFactor = 1f / 3, float endFactor = 1f)
        : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(warmupEpochs);
        WarmupEpochs = warmupEpochs;
        StartFactor = startFactor is > 0f and <= 1f
            ? startFactor
            : throw new ArgumentOutOfRangeException(nameof(startFactor), $"Start factor must be in (0, 1], got {startFactor}.");
        EndFactor = endFactor is >= 0f and <= 1f
            ? endFactor
            : throw new ArgumentOutOfRangeException(nameof(endFactor), $"End factor must be in [0, 1], got {endFactor}.");
        Apply();
    }

    public int WarmupEpochs { get; }

    public float StartFactor { get; }

    public float EndFactor { get; }

    public override float LearningRateAt(int epoch) =>
        BaseLearningRate * (StartFactor + (EndFactor - StartFactor) * Math.Min(epoch, WarmupEpochs) / WarmupEpochs);
}
