using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.NeuralNetworks.Layers;

/// <summary>Reshapes each sample: [N, …] → [N, <see cref="SampleShape"/>…]; one sample axis may be −1.</summary>
public sealed class Reshape : Module
{
    private readonly int[] _shape;

    /// <exception cref="ArgumentException">The sample shape is empty.</exception>
    public Reshape(params int[] sampleShape)
    {
        ArgumentNullException.ThrowIfNull(sampleShape);
        if (sampleShape.Length == 0)
        {
            throw new ArgumentException("Reshape needs at least one sample axis.", nameof(sampleShape));
        }

        SampleShape = (int[])sampleShape.Clone();
        _shape = [-1, .. sampleShape];
    }

    public IReadOnlyList<int> SampleShape { get; }

    public override Tensor Forward(Tensor input)
    {
        var shape = (int[])_shape.Clone();
        shape[0] = input.Size(0);
        return input.Reshape(shape);
    }
}
