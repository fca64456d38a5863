using MatGenDiscovery.NeuralNetworks.Initialization;
using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.NeuralNetworks.Layers;

/// <summary>
/// y = x·Wᵀ + b for x [N, in], W [out, in], b [out]. Default init as PyTorch: W and b ~ U(−1/√in, 1/√in).
/// </summary>
public sealed class Linear : Module
{
    /// <exception cref="ArgumentOutOfRangeException">A feature count is not positive.</exception>
    public Linear(int inFeatures, int outFeatures, Random random, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        ArgumentNullException.ThrowIfNull(random);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        var bound = 1f / MathF.Sqrt(inFeatures);
        Weight = RegisterParameter("weight", Init.Uniform(Tensor.Zeros(outFeatures, inFeatures), random, -bound, bound));
        Bias = bias ? RegisterParameter("bias", Init.Uniform(Tensor.Zeros(outFeatures), random, -bound, bound)) : null;
    }

    public int InFeatures { get; }

    public int OutFeatures { get; }

    /// <summary>[out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>[out], or null without bias.</summary>
    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) => input.Linear(Weight, Bias);
}
