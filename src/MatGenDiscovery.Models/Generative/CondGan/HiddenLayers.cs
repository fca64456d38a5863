using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.Models.Generative.CondGan;

/// <summary>The hidden part of CondGAN's networks: input → w₁ → ReLU → … → wₙ → ReLU.</summary>
internal static class HiddenLayers
{
    /// <summary>
    /// [B, input] → [B, widths[^1]]; layers are drawn from <paramref name="random"/> in order, so Sawada's widths give
    /// the published initialisation.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="widths"/> is empty or has a non-positive width.</exception>
    public static Sequential Mlp(int input, IReadOnlyList<int> widths, Random random)
    {
        if (widths.Count == 0 || widths.Any(w => w <= 0))
        {
            throw new ArgumentException($"hidden widths must be one or more positive numbers; got [{string.Join(", ", widths)}]", nameof(widths));
        }

        var network = new Sequential();
        foreach (var width in widths)
        {
            network.Add(new Linear(input, width, random)).Add(new ReLU());
            input = width;
        }

        return network;
    }
}
