using System.Numerics.Tensors;

namespace MatGenDiscovery.NeuralNetworks.Optimizers;

/// <summary>
/// Adam as PyTorch (Kingma &amp; Ba): g = ∇ + wd·p (coupled L2; <see cref="AdamW"/> decouples it),
/// m = β₁m + (1 − β₁)g, v = β₂v + (1 − β₂)g², p = p − lr/(1 − β₁ᵗ) · m / (√v/√(1 − β₂ᵗ) + eps).
/// </summary>
public class Adam : Optimizer
{
    private readonly float[]?[] _firstMoments;
    private readonly float[]?[] _secondMoments;
    private readonly float[]?[] _scratch;
    private readonly bool _decoupledWeightDecay;

    /// <exception cref="ArgumentOutOfRangeException">A beta is outside [0, 1), eps is not positive, or lr/weight decay is negative.</exception>
    public Adam(
        IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f,
        float epsilon = 1e-8f, float weightDecay = 0f)
        : this(parameters, learningRate, beta1, beta2, epsilon, weightDecay, decoupledWeightDecay: false)
    {
    }

    protected Adam(
        IEnumerable<Tensor> parameters, float learningRate, float beta1, float beta2, float epsilon, float weightDecay,
        bool decoupledWeightDecay)
        : base(parameters, learningRate)
    {
        Beta1 = CheckFraction(beta1, nameof(beta1));
        Beta2 = CheckFraction(beta2, nameof(beta2));
        Epsilon = CheckPositive(epsilon, nameof(epsilon));
        WeightDecay = CheckNonNegative(weightDecay, nameof(weightDecay));
        _decoupledWeightDecay = decoupledWeightDecay;
        _firstMoments = new float[Parameters.Count][];
        _secondMoments = new float[Parameters.Count][];
        _scratch = new float[Parameters.Count][];
        _stepCounts = new int[Parameters.Count];
    }

    private readonly int[] _stepCounts;

    public float Beta1 { get; }

    public float Beta2 { get; }

    public float Epsilon { get; }

    public float WeightDecay { get; }

    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        var step = ++_stepCounts[index];
        var m = State(_firstMoments, index);
        var v = State(_secondMoments, index);
        var scratch = State(_scratch, index);
        if (WeightDecay != 0f)
        {
            if (_decoupledWeightDecay)
            {
                TensorPrimitives.Multiply(parameter, 1f - LearningRate * WeightDecay, parameter);
            }
            else
            {
                TensorPrimitives.MultiplyAdd(parameter, WeightDecay, gradient, scratch);
                gradient = scratch;
            }
        }

        TensorPrimitives.Multiply(m, Beta1, m);
        TensorPrimitives.MultiplyAdd(gradient, 1f - Beta1, m, m);
        TensorPrimitives.Multiply(gradient, gradient, scratch);
        TensorPrimitives.Multiply(v, Beta2, v);
        TensorPrimitives.MultiplyAdd(scratch, 1f - Beta2, v, v);

        var biasCorrection1 = 1.0 - Math.Pow(Beta1, step);
        var biasCorrection2 = 1.0 - Math.Pow(Beta2, step);
        var stepSize = (float)(LearningRate / biasCorrection1);
        TensorPrimitives.Sqrt(v, scratch);
        TensorPrimitives.Multiply(scratch, (float)(1.0 / Math.Sqrt(biasCorrection2)), scratch);
        TensorPrimitives.Add(scratch, Epsilon, scratch);
        TensorPrimitives.Divide(m, scratch, scratch);
        TensorPrimitives.MultiplyAdd(scratch, -stepSize, parameter, parameter);
    }
}
