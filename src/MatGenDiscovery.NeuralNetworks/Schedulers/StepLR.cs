using MatGenDiscovery.NeuralNetworks.Optimizers;

namespace MatGenDiscovery.NeuralNetworks.Schedulers;

/// <summary>lr = lr₀·γ^⌊epoch / stepSize⌋.</summary>
public sealed class StepLR : LRScheduler
{
    /// <exception cref="ArgumentOutOfRangeException">stepSize is not positive or gamma is negative.</exception>
    public StepLR(Optimizer optimizer, int stepSize, float gamma = 0.1f)
        : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        StepSize = stepSize;
        Gamma = gamma >= 0f ? gamma : throw new ArgumentOutOfRangeException(nameof(gamma), $"gamma must be non-negative, got {gamma}.");
        Apply();
    }

    public int StepSize { get; }

    public float Gamma { get; }

    public override float LearningRateAt(int epoch) => (float)(BaseLearningRate * Math.Pow(Gamma, epoch / StepSize));
}
