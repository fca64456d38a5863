using System.Numerics.Tensors;

namespace MatGenDiscovery.NeuralNetworks.Optimizers;

/// <summary>
/// RMSProp as PyTorch: g = ∇ + wd·p, v = αv + (1 − α)g²; centred: ḡ = αḡ + (1 − α)g and d = √(v − ḡ²) + eps,
/// otherwise d = √v + eps; with momentum μ: b = μb + g/d and p = p − lr·b, otherwise p = p − lr·g/d.
/// </summary>
public sealed class RMSProp : Optimizer
{
    private readonly float[]?[] _squareAverages;
    private readonly float[]?[] _gradientAverages;
    private readonly float[]?[] _momentumBuffers;
    private readonly float[]?[] _decayed;
    private readonly float[]?[] _scratch;

    /// <exception cref="ArgumentOutOfRangeException">alpha is outside [0, 1), eps is not positive, or lr/momentum/weight decay is negative.</exception>
    public RMSProp(
        IEnumerable<Tensor> parameters, float learningRate = 1e-2f, float alpha = 0.99f, float epsilon = 1e-8f,
        float weightDecay = 0f, float momentum = 0f, bool centered = false)
        : base(parameters, learningRate)
    {
        Alpha = CheckFraction(alpha, nameof(alpha));
        Epsilon = CheckPositive(epsilon, nameof(epsilon));
        WeightDecay = CheckNonNegative(weightDecay, nameof(weightDecay));
        Momentum = CheckNonNegative(momentum, nameof(momentum));
        Centered = centered;
        _squareAverages = StateBuffers("square_avg");
        _gradientAverages = StateBuffers("grad_avg");
        _momentumBuffers = StateBuffers("momentum_buffer");
        _decayed = new float[Parameters.Count][];
        _scratch = new float[Parameters.Count][];
    }

    public float Alpha { get; }

    public float Epsilon { get; }

    public float WeightDecay { get; }

    public float Momentum { get; }

    public bool Centered { get; }

    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        if (WeightDecay != 0f)
        {
            var decayed = State(_decayed, index);
            TensorPrimitives.MultiplyAdd(parameter, WeightDecay, gradient, decayed);
            gradient = decayed;
        }

        var squareAverage = State(_squareAverages, index);
        var scratch = State(_scratch, index);
        TensorPrimitives.Multiply(gradient, gradient, scratch);
        TensorPrimitives.Multiply(squareAverage, Alpha, squareAverage);
        TensorPrimitives.MultiplyAdd(scratch, 1f - Alpha, squareAverage, squareAverage);
        if (Centered)
        {
            var gradientAverage = State(_gradientAverages, index);
            TensorPrimitives.Multiply(gradientAverage, Alpha, gradientAverage);
            TensorPrimitives.MultiplyAdd(gradient, 1f - Alpha, gradientAverage, gradientAverage);
            TensorPrimitives.Multiply(gradientAverage, gradientAverage, scratch);
            TensorPrimitives.Subtract(squareAverage, scratch, scratch);
            TensorPrimitives.Sqrt(scratch, scratch);
        }
        else
        {
            TensorPrimitives.Sqrt(squareAverage, scratch);
        }

        TensorPrimitives.Add(scratch, Epsilon, scratch);
        TensorPrimitives.Divide(gradient, scratch, scratch);
        if (Momentum != 0f)
        {
            var buffer = State(_momentumBuffers, index);
            TensorPrimitives.MultiplyAdd(buffer, Momentum, scratch, buffer);
            TensorPrimitives.MultiplyAdd(buffer, -LearningRate, parameter, parameter);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(scratch, -LearningRate, parameter, parameter);
        }
    }
}
