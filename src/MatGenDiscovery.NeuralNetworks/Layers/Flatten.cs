using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.NeuralNetworks.Layers;

/// <summary>Merges axes <see cref="StartAxis"/>…<see cref="EndAxis"/> into one (default: everything after the batch axis).</summary>
public sealed class Flatten(int startAxis = 1, int endAxis = -1) : Module
{
    public int StartAxis { get; } = startAxis;

    public int EndAxis { get; } = endAxis;

    public override Tensor Forward(Tensor input) => input.Flatten(StartAxis, EndAxis);
}
