using MatGenDiscovery.NeuralNetworks.Optimizers;

namespace MatGenDiscovery.NeuralNetworks.Schedulers;

/// <summary>lr = lr₀·γ^epoch.</summary>
public sealed class ExponentialLR : LRScheduler
{
    /// <exception cref="ArgumentOutOfRangeException">gamma is negative.</exception>
    public ExponentialLR(Optimizer optimizer, float gamma)
        : base(optimizer)
    {
        Gamma = gamma >= 0f ? gamma : throw new ArgumentOutOfRangeException(nameof(gamma), $"gamma must be non-negative, got {gamma}.");
        Apply();
    }

    public float Gamma { get; }

    public override float LearningRateAt(int epoch) => (float)(BaseLearningRate * Math.Pow(Gamma, epoch));
}
