using System.Numerics.Tensors;

namespace MatGenDiscovery.NeuralNetworks.Optimizers;

/// <summary>
/// Stochastic gradient descent as PyTorch: g = ∇ + wd·p; with momentum μ, b = g on the first step and
/// b = μ·b + (1 − dampening)·g afterwards, then g = g + μ·b (Nesterov) or g = b; finally p = p − lr·g.
/// </summary>
public sealed class SGD : Optimizer
{
    private readonly float[]?[] _momentumBuffers;
    private readonly float[]?[] _scratch;

    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is negative or not finite, or dampening is outside [0, 1].</exception>
    /// <exception cref="ArgumentException">Nesterov without momentum or with dampening.</exception>
    public SGD(
        IEnumerable<Tensor> parameters, float learningRate, float momentum = 0f, float dampening = 0f,
        float weightDecay = 0f, bool nesterov = false)
        : base(parameters, learningRate)
    {
        Momentum = CheckNonNegative(momentum, nameof(momentum));
        Dampening = dampening is >= 0f and <= 1f
            ? dampening
            : throw new ArgumentOutOfRangeException(nameof(dampening), $"dampening must be in [0, 1], got {dampening}.");
        WeightDecay = CheckNonNegative(weightDecay, nameof(weightDecay));
        if (nesterov && (momentum == 0f || dampening != 0f))
        {
            throw new ArgumentException("Nesterov momentum needs momentum > 0 and zero dampening.", nameof(nesterov));
        }

        Nesterov = nesterov;
        _momentumBuffers = StateBuffers("momentum_buffer");
        _scratch = new float[Parameters.Count][];
    }

    public float Momentum { get; }

    public float Dampening { get; }

    public float WeightDecay { get; }

    public bool Nesterov { get; }

    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        if (WeightDecay != 0f)
        {
            var decayed = State(_scratch, index);
            TensorPrimitives.MultiplyAdd(parameter, WeightDecay, gradient, decayed);
            gradient = decayed;
        }

        if (Momentum != 0f)
        {
            var firstUse = _momentumBuffers[index] is null;
            var buffer = State(_momentumBuffers, index);
            if (firstUse)
            {
                gradient.CopyTo(buffer);
            }
            else
            {
                TensorPrimitives.Multiply(buffer, Momentum, buffer);
                TensorPrimitives.MultiplyAdd(gradient, 1f - Dampening, buffer, buffer);
            }

            if (Nesterov)
            {
                var direction = State(_scratch, index);
                TensorPrimitives.MultiplyAdd(buffer, Momentum, gradient, direction);
                gradient = direction;
            }
            else
            {
                gradient = buffer;
            }
        }

        TensorPrimitives.MultiplyAdd(gradient, -LearningRate, parameter, parameter);
    }
}
