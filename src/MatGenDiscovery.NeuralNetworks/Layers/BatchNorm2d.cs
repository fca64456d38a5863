namespace MatGenDiscovery.NeuralNetworks.Layers;

/// <summary>Batch normalisation of [N, channels, H, W] inputs per channel; see <see cref="BatchNorm"/>.</summary>
public sealed class BatchNorm2d(int channels, float momentum = 0.1f, float epsilon = 1e-5f, bool affine = true)
    : BatchNorm(channels, momentum, epsilon, affine)
{
    protected override int InputRank => 4;
}
