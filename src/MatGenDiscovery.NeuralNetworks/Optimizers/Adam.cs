using System.Numerics;
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
    private readonly int[] _stepCounts;
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
        _firstMoments = StateBuffers("exp_avg");
        _secondMoments = StateBuffers("exp_avg_sq");
        _scratch = new float[Parameters.Count][];
        _stepCounts = StateCounters("step_per_parameter");
    }

    public float Beta1 { get; }

    public float Beta2 { get; }

    public float Epsilon { get; }

    public float WeightDecay { get; }

    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        var step = ++_stepCounts[index];
        var m = State(_firstMoments, index);
        var v = State(_secondMoments, index);
        if (WeightDecay != 0f)
        {
            if (_decoupledWeightDecay)
            {
                TensorPrimitives.Multiply(parameter, 1f - LearningRate * WeightDecay, parameter);
            }
            else
            {
                var scratch = State(_scratch, index);
                TensorPrimitives.MultiplyAdd(parameter, WeightDecay, gradient, scratch);
                gradient = scratch;
            }
        }

        Apply(parameter, gradient, m, v, step, LearningRate, Beta1, Beta2, Epsilon);
    }

    /// <summary>
    /// One Adam update, without weight decay, of a parameter from its gradient and its moments m, v (updated in place)
    /// at 1-based step <paramref name="step"/>: for optimisers that keep the moments themselves, with this one's rounding.
    /// </summary>
    public static void Apply(
        Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> m, Span<float> v, int step,
        float learningRate, float beta1, float beta2, float epsilon)
    {
        var biasCorrection1 = 1.0 - Math.Pow(beta1, step);
        var biasCorrection2 = 1.0 - Math.Pow(beta2, step);
        var stepSize = (float)(learningRate / biasCorrection1);
        var inverseSqrtCorrection2 = (float)(1.0 / Math.Sqrt(biasCorrection2));
        FusedUpdate(parameter, gradient, m, v, beta1, beta2, epsilon, stepSize, inverseSqrtCorrection2);
    }

    /// <summary>
    /// One pass over memory: m = β₁m + (1 − β₁)g, v = β₂v + (1 − β₂)g², p −= stepSize · m / (√v·c₂ + eps),
    /// evaluated in the same order (unfused multiply-adds) as the element-wise formula.
    /// </summary>
    private static void FusedUpdate(
        Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> m, Span<float> v,
        float beta1, float beta2, float epsilon, float stepSize, float inverseSqrtCorrection2)
    {
        var oneMinusBeta1 = 1f - beta1;
        var oneMinusBeta2 = 1f - beta2;
        var i = 0;
        if (Vector.IsHardwareAccelerated && parameter.Length >= Vector<float>.Count)
        {
            var b1 = new Vector<float>(beta1);
            var b2 = new Vector<float>(beta2);
            var c1 = new Vector<float>(oneMinusBeta1);
            var c2 = new Vector<float>(oneMinusBeta2);
            var eps = new Vector<float>(epsilon);
            var correction = new Vector<float>(inverseSqrtCorrection2);
            var negativeStep = new Vector<float>(-stepSize);
            for (; i <= parameter.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var g = new Vector<float>(gradient[i..]);
                var mi = g * c1 + new Vector<float>(m[i..]) * b1;
                var vi = g * g * c2 + new Vector<float>(v[i..]) * b2;
                var denominator = Vector.SquareRoot(vi) * correction + eps;
                var p = mi / denominator * negativeStep + new Vector<float>(parameter[i..]);
                mi.CopyTo(m[i..]);
                vi.CopyTo(v[i..]);
                p.CopyTo(parameter[i..]);
            }
        }

        for (; i < parameter.Length; i++)
        {
            var g = gradient[i];
            var mi = g * oneMinusBeta1 + m[i] * beta1;
            var vi = g * g * oneMinusBeta2 + v[i] * beta2;
            m[i] = mi;
            v[i] = vi;
            parameter[i] = mi / (MathF.Sqrt(vi) * inverseSqrtCorrection2 + epsilon) * -stepSize + parameter[i];
        }
    }
}
