using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.Models.Generative.MatGan;

/// <summary>
/// MatGAN's OQMD networks (Dan et al. 2020), on [B, 1, 85, 8] with TensorFlow SAME padding. The library's
/// <c>MatGanNetworks</c> holds the smaller ICSD/MP pair; this is the deeper one trained on OQMD.
/// </summary>
public static class MatGanOqmdNetworks
{
    public const int LatentSize = 128;

    /// <summary>
    /// z [B, 128] → Linear 6144 → BN → ReLU → [256, 6, 4] → ConvT 5×5 s(2,2) 128 (11×8) → ConvT 3×3 128 → ConvT 3×3
    /// s(2,1) 64 (22×8) → ConvT 3×3 64 → ConvT 3×3 s(2,1) 32 (43×8) → ConvT 3×3 32 → ConvT 3×3 s(2,1) 1 (85×8) → sigmoid,
    /// with BN + ReLU after every transposed convolution but the last.
    /// </summary>
    public static Sequential Generator(Random random, int latentSize = LatentSize)
    {
        var layers = new List<Module>
        {
            new Linear(latentSize, 256 * 6 * 4, random),
            new BatchNorm1d(256 * 6 * 4),
            new ReLU(),
            new Reshape(256, 6, 4),
        };
        (int In, int Out, int Kernel, (int, int) Stride, (int, int) Size)[] stages =
        [
            (256, 128, 5, (2, 2), (11, 8)),
            (128, 128, 3, (1, 1), (11, 8)),
            (128, 64, 3, (2, 1), (22, 8)),
            (64, 64, 3, (1, 1), (22, 8)),
            (64, 32, 3, (2, 1), (43, 8)),
            (32, 32, 3, (1, 1), (43, 8)),
        ];
        foreach (var stage in stages)
        {
            layers.Add(new ConvTranspose2d(stage.In, stage.Out, (stage.Kernel, stage.Kernel), stage.Stride, stage.Size, random));
            layers.Add(new BatchNorm2d(stage.Out));
            layers.Add(new ReLU());
        }

        layers.Add(new ConvTranspose2d(32, 1, (3, 3), (2, 1), (85, 8), random));
        layers.Add(new Sigmoid());
        return new Sequential([.. layers]);
    }

    /// <summary>
    /// x [B, 1, 85, 8] → Conv 3×3 32 → Conv 3×3 s(2,1) 32 → Conv 3×3 64 → Conv 3×3 s(2,1) 64 → Conv 3×3 128 →
    /// Conv 3×3 s(2,1) 128 → Conv 5×5 s(2,2) 256 (6×4), BN on all but the first, LeakyReLU 0.2 after each →
    /// flatten 6144 → Linear 1.
    /// </summary>
    public static Sequential Critic(Random random, float leakySlope = 0.2f)
    {
        var layers = new List<Module>
        {
            new Conv2d(1, 32, (3, 3), (1, 1), Padding2d.Same, random),
            new LeakyReLU(leakySlope),
        };
        (int In, int Out, int Kernel, (int, int) Stride)[] stages =
        [
            (32, 32, 3, (2, 1)),
            (32, 64, 3, (1, 1)),
            (64, 64, 3, (2, 1)),
            (64, 128, 3, (1, 1)),
            (128, 128, 3, (2, 1)),
            (128, 256, 5, (2, 2)),
        ];
        foreach (var stage in stages)
        {
            layers.Add(new Conv2d(stage.In, stage.Out, (stage.Kernel, stage.Kernel), stage.Stride, Padding2d.Same, random));
            layers.Add(new BatchNorm2d(stage.Out));
            layers.Add(new LeakyReLU(leakySlope));
        }

        layers.Add(new Flatten());
        layers.Add(new Linear(256 * 6 * 4, 1, random));
        return new Sequential([.. layers]);
    }
}
