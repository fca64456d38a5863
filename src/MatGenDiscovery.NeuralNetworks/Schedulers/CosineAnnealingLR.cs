using MatGenDiscovery.NeuralNetworks.Optimizers;

namespace MatGenDiscovery.NeuralNetworks.Schedulers;

/// <summary>lr = η_min + (lr₀ − η_min)·(1 + cos(π·epoch / T_max))/2 (SGDR without restarts, PyTorch's closed form).</summary>
public sealed class CosineAnnealingLR : LRScheduler
{
    /// <exception cref="ArgumentOutOfRangeException">T_max is not positive or η_min is negative.</exception>
    public CosineAnnealingLR(Optimizer optimizer, int maxEpochs, float minLearningRate = 0f)
        : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEpochs);
        MaxEpochs = maxEpochs;
        MinLearningRate = minLearningRate >= 0f
            ? minLearningRate
            : throw new ArgumentOutOfRangeException(nameof(minLearningRate), $"Minimum learning rate must be non-negative, got {minLearningRate}.");
        Apply();
    }

    public int MaxEpochs { get; }

    public float MinLearningRate { get; }

    public override float LearningRateAt(int epoch) =>
        (float)(MinLearningRate + (BaseLearningRate - MinLearningRate) * (1 + Math.Cos(Math.PI * epoch / MaxEpochs)) / 2);
}
