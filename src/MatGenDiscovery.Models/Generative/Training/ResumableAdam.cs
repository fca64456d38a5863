using MatGenDiscovery.NeuralNetworks.Optimizers;
using MatGenDiscovery.Tensors;
using Tensor = MatGenDiscovery.Tensors.Tensor;

namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>
/// Adam exactly as <see cref="Adam"/> (no weight decay; its <see cref="Adam.Apply"/> does the update) whose moments
/// and per-parameter step counts are tensors sharing storage with the checkpoint (<see cref="State"/>: <c>m.i</c>,
/// <c>v.i</c>, <c>steps</c>), so a resumed run continues bit-identically. <see cref="Adam"/>'s own state dictionary
/// is a copy under PyTorch's names, allocated lazily; the stored checkpoints keep this layout.
/// </summary>
public sealed class ResumableAdam : Optimizer
{
    private readonly float[][] _firstMoments;
    private readonly float[][] _secondMoments;
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

    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient) =>
        Adam.Apply(parameter, gradient, _firstMoments[index], _secondMoments[index], (int)++_stepCounts[index], LearningRate, Beta1, Beta2, Epsilon);
}
