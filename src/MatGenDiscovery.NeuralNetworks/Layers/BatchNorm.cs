using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.NeuralNetworks.Layers;

/// <summary>
/// Batch normalisation over axis 1: y = (x − μ)/√(σ² + eps)·weight + bias per feature. Training uses batch
/// statistics and updates running_mean/running_var (momentum 0.1, unbiased variance, as PyTorch);
/// evaluation uses the running statistics. Parameters weight (ones) and bias (zeros) with <c>affine</c>.
/// </summary>
public abstract class BatchNorm : Module
{
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    protected BatchNorm(int features, float momentum, float epsilon, bool affine)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        if (!(momentum >= 0f && momentum <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), $"BatchNorm momentum must be in [0, 1], got {momentum}.");
        }

        if (!(epsilon > 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), $"BatchNorm epsilon must be positive, got {epsilon}.");
        }

        Features = features;
        Momentum = momentum;
        Epsilon = epsilon;
        Weight = affine ? RegisterParameter("weight", Tensor.Ones(features)) : null;
        Bias = affine ? RegisterParameter("bias", Tensor.Zeros(features)) : null;
        RunningMean = RegisterBuffer("running_mean", Tensor.Zeros(features));
        RunningVariance = RegisterBuffer("running_var", Tensor.Ones(features));
    }

    public int Features { get; }

    public float Momentum { get; }

    public float Epsilon { get; }

    /// <summary>γ [features], or null without affine.</summary>
    public Tensor? Weight { get; }

    /// <summary>β [features], or null without affine.</summary>
    public Tensor? Bias { get; }

    public Tensor RunningMean { get; }

    public Tensor RunningVariance { get; }

    /// <summary>Rank of the accepted inputs (2 for [N, C], 4 for [N, C, H, W]).</summary>
    protected abstract int InputRank { get; }

    /// <exception cref="ArgumentException">The input rank or channel count is wrong.</exception>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != InputRank || input.Size(1) != Features)
        {
            throw new ArgumentException(
                $"{GetType().Name}({Features}) needs a rank-{InputRank} input with {Features} channels on axis 1, got [{string.Join(", ", input.Shape)}].",
                nameof(input));
        }

        return input.BatchNorm(Weight, Bias, RunningMean, RunningVariance, Training, Momentum, Epsilon);
    }
}
