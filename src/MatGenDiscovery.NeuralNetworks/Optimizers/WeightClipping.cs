using System.Numerics.Tensors;

namespace MatGenDiscovery.NeuralNetworks.Optimizers;

/// <summary>Original WGAN's Lipschitz constraint: clamp every parameter to [−c, c] after each critic update.</summary>
public static class WeightClipping
{
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    public static void Clamp(IEnumerable<Tensor> parameters, float limit)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(limit > 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(limit), $"Weight clipping limit must be positive, got {limit}.");
        }

        foreach (var parameter in parameters)
        {
            var values = parameter.AsSpan();
            TensorPrimitives.Min(values, limit, values);
            TensorPrimitives.Max(values, -limit, values);
        }
    }
}
