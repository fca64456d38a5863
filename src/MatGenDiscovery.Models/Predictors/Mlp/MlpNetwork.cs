using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.Models.Predictors.Mlp;

/// <summary>Builds the ElemNet-style regressor: inputs → (Linear → ReLU [→ Dropout]) per hidden size → Linear → 1.</summary>
public static class MlpNetwork
{
    public static Sequential Build(int inputs, IReadOnlyList<int> hiddenSizes, float dropout, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        var network = new Sequential();
        var width = inputs;
        foreach (var hidden in hiddenSizes)
        {
            network.Add(new Linear(width, hidden, random));
            network.Add(new ReLU());
            if (dropout > 0)
            {
                network.Add(new Dropout(dropout, random));
            }

            width = hidden;
        }

        network.Add(new Linear(width, 1, random));
        return network;
    }
}
