using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.NeuralNetworks.Activations;

/// <summary>Element-wise 1/(1 + e^−x).</summary>
public sealed class Sigmoid : Module
{
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}
