using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.NeuralNetworks.Activations;

/// <summary>Element-wise x for x ≥ 0, slope·x otherwise.</summary>
public sealed class LeakyReLU(float negativeSlope = 0.01f) : Module
{
    public float NegativeSlope { get; } = negativeSlope;

    public override Tensor Forward(Tensor input) => input.LeakyRelu(NegativeSlope);
}
