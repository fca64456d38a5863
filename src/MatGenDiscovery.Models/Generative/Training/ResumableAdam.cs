using System.Numerics.Tensors;
using MatGenDiscovery.NeuralNetworks.Optimizers;
using MatGenDiscovery.Tensors;
using Tensor = MatGenDiscovery.Tensors.Tensor;

namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>
/// Adam exactly as <see cref="Adam"/> (no weight decay), whose moments and per-parameter step counts can be saved
/// and restored, so a resumed run continues bit-identically. The library's <see cref="Adam"/> keeps them private.
/// </summary>
public sealed class ResumableAdam : Optimizer
{
    private readonly float[][] _firstMoments;
    private readonly float[][] _secondMoments;
    private readonly float[][] _scratch;
    private readonly float[] _stepCounts;

    /// <exception cref="ArgumentOutOfRangeException">A beta is outside [0, 1) or the learning rate is negative.</exception>
    public ResumableAdam(IEnumerable<Tensor> parameters, float learningRate, float beta1, float beta2, float epsilon = 1e-8f)
        : base(parameters, learningRate)
    {
        Beta1 = CheckFraction(beta1, nameof(beta1));
        Beta2 = CheckFraction(beta2, nameof(beta2));
        Epsilon = CheckPositive(epsilon, nameof(epsilon));
        _firstMoments = Parameters.Select(p => new float[p.Length]).ToArray();
        _secondMoments = Parameters.Select(p => new float[p.Length]).ToArray();
        _scratch = Parameters.Select(p => new float[p.Length]).ToArray();
        _stepCounts = new float[Parameters.Count];
    }

    public float Beta1 { get; }

    public float Beta2 { get; }

    public float Epsilon { get; }

    /// <summary>Moments <c>m.i</c>, <c>v.i</c> (the parameter's shape) and the step counts <c>steps</c> [parameters], sharing storage.</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> State()
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            var shape = Parameters[i].ShapeToArray();
            yield return new($"m.{i}", Tensor.FromArray(_firstMoments[i], shape));
            yield return new($"v.{i}", Tensor.FromArray(_secondMoments[i], shape));
        }

        yield return new("steps", Tensor.FromArray(_stepCounts, _stepCounts.Length));
    }

    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        var step = ++_stepCounts[index];
        var m = _firstMoments[index];
        var v = _secondMoments[index];
        var scratch = _scratch[index];
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
