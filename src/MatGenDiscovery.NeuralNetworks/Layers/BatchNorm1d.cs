namespace MatGenDiscovery.NeuralNetworks.Layers;

/// <summary>Batch normalisation of [N, features] inputs; see <see cref="BatchNorm"/>.</summary>
public sealed class BatchNorm1d(int features, float momentum = 0.1f, float epsilon = 1e-5f, bool affine = true)
    : BatchNorm(features, momentum, epsilon, affine)
{
    protected override int InputRank => 2;
}
