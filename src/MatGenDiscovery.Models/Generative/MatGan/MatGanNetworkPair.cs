using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.NeuralNetworks.Architectures;
using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.Models.Generative.MatGan;

/// <summary>
/// A MatGAN generator and critic by network name, and the sample shape they exchange: [B, 1, 85, 8] for the
/// convolutional networks, [B, 680] for <c>mlp</c>.
/// </summary>
public sealed record MatGanNetworkPair(Sequential Generator, Sequential Critic, int[] SampleShape)
{
    /// <summary>
    /// <paramref name="criticNormalization"/> applies to the <c>matgan-mp</c> critic only, <paramref name="generatorOutput"/>
    /// to the <c>mlp</c> generator only.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown network name.</exception>
    public static MatGanNetworkPair Create(
        string network, int latentSize, Random random, CriticNormalization criticNormalization = CriticNormalization.Batch,
        MatGanGeneratorOutput generatorOutput = MatGanGeneratorOutput.Sigmoid)
    {
        var options = MatGanNetworkOptions.Default with
        {
            LatentSize = latentSize, CriticNormalization = criticNormalization, GeneratorOutput = generatorOutput,
        };
        return network switch
        {
            ModelKinds.MatGanMpNetwork => new(
                MatGanNetworks.MpGenerator(random, options), MatGanNetworks.MpCritic(random, options), [1, 85, 8]),
            ModelKinds.MatGanOqmdNetwork => new(
                MatGanOqmdNetworks.Generator(random, latentSize), MatGanOqmdNetworks.Critic(random), [1, 85, 8]),
            ModelKinds.MlpNetwork => new(
                MatGanNetworks.MlpGenerator(random, options), MatGanNetworks.MlpCritic(random, options), [options.SampleLength]),
            _ => throw new ArgumentException(
                $"unknown MatGAN network '{network}'; expected one of {string.Join(", ", ModelKinds.Networks)}", nameof(network)),
        };
    }

    /// <summary>Shape of a batch of <paramref name="batchSize"/> samples.</summary>
    public int[] BatchShape(int batchSize) => [batchSize, .. SampleShape];
}
