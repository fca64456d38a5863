using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.NeuralNetworks.Architectures;

/// <summary>
/// Generator and critic builders of MatGAN (Dan et al. 2020) for elements × counts composition matrices, with
/// TensorFlow SAME padding throughout, and a fully connected baseline. Weights use PyTorch's default init drawn
/// from the given <see cref="Random"/>. Image models take and give [B, 1, Elements, Counts]; MLP models [B, Elements·Counts].
/// </summary>
public static class MatGanNetworks
{
    private static readonly (int Input, int Output, (int, int) Kernel, (int, int) Stride)[] CriticConvolutions =
    [
        (16, 16, (3, 3), (2, 1)),
        (16, 32, (3, 3), (1, 1)),
        (32, 64, (3, 3), (1, 1)),
        (64, 128, (5, 5), (2, 2)),
    ];

    /// <summary>
    /// z [B, latent] → Linear 128·h₀·w₀ → BN → ReLU → [128, h₀, w₀] → ConvT 5×5 s(2,2) 64 → BN → ReLU
    /// → ConvT 3×3 s(2,1) 32 → BN → ReLU → ConvT 3×3 s(2,1) 16 → BN → ReLU → ConvT 3×3 s(2,1) 1 → sigmoid,
    /// where the heights halve (rounding up) from Elements (85 → 43 → 22 → 11 → 6) and w₀ = ⌈Counts/2⌉.
    /// </summary>
    public static Sequential MpGenerator(Random random, MatGanNetworkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var o = options ?? MatGanNetworkOptions.Default;
        o.Validate();
        var h3 = o.Elements;
        var h2 = Half(h3);
        var h1 = Half(h2);
        var h0 = Half(h1);
        var start = (Height: Half(h0), Width: Half(o.Counts));
        return new Sequential(
            new Linear(o.LatentSize, 128 * start.Height * start.Width, random),
            new BatchNorm1d(128 * start.Height * start.Width),
            new ReLU(),
            new Reshape(128, start.Height, start.Width),
            new ConvTranspose2d(128, 64, (5, 5), (2, 2), (h0, o.Counts), random),
            new BatchNorm2d(64),
            new ReLU(),
            new ConvTranspose2d(64, 32, (3, 3), (2, 1), (h1, o.Counts), random),
            new BatchNorm2d(32),
            new ReLU(),
            new ConvTranspose2d(32, 16, (3, 3), (2, 1), (h2, o.Counts), random),
            new BatchNorm2d(16),
            new ReLU(),
            new ConvTranspose2d(16, 1, (3, 3), (2, 1), (h3, o.Counts), random),
            new Sigmoid());
    }

    /// <summary>
    /// x [B, 1, Elements, Counts] → Conv 3×3 16 → LReLU → Conv 3×3 s(2,1) 16 → BN → LReLU → Conv 3×3 32 → BN → LReLU
    /// → Conv 3×3 64 → BN → LReLU → Conv 5×5 s(2,2) 128 → BN → LReLU → flatten (128·22·4 for 85×8) → Linear 1;
    /// BN is replaced by <see cref="LayerNorm2d"/> with <see cref="CriticNormalization.Layer"/> and left out with
    /// <see cref="CriticNormalization.None"/>.
    /// </summary>
    public static Sequential MpCritic(Random random, MatGanNetworkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var o = options ?? MatGanNetworkOptions.Default;
        o.Validate();
        var features = 128 * Half(Half(o.Elements)) * Half(o.Counts);
        var layers = new List<Module>
        {
            new Conv2d(1, 16, (3, 3), (1, 1), Padding2d.Same, random),
            new LeakyReLU(o.LeakySlope),
        };
        foreach (var (input, output, kernel, stride) in CriticConvolutions)
        {
            layers.Add(new Conv2d(input, output, kernel, stride, Padding2d.Same, random));
            if (o.CriticNormalization == CriticNormalization.Batch)
            {
                layers.Add(new BatchNorm2d(output));
            }
            else if (o.CriticNormalization == CriticNormalization.Layer)
            {
                layers.Add(new LayerNorm2d(output));
            }

            layers.Add(new LeakyReLU(o.LeakySlope));
        }

        layers.Add(new Flatten());
        layers.Add(new Linear(features, 1, random));
        return new Sequential([.. layers]);
    }

    /// <summary>
    /// z [B, latent] → 512 → BN → ReLU → 1024 → BN → ReLU → Elements·Counts → sigmoid, or with
    /// <see cref="MatGanGeneratorOutput.RowSparsemax"/> → Elements·(Counts + 1) → <see cref="RowSparsemax"/>.
    /// </summary>
    public static Sequential MlpGenerator(Random random, MatGanNetworkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var o = options ?? MatGanNetworkOptions.Default;
        o.Validate();
        return new Sequential([
            new Linear(o.LatentSize, 512, random),
            new BatchNorm1d(512),
            new ReLU(),
            new Linear(512, 1024, random),
            new BatchNorm1d(1024),
            new ReLU(),
            .. Output(o, random)]);
    }

    /// <summary>The mlp generator's head: Linear → sigmoid, or Linear to Elements·(Counts + 1) scores → row sparsemax.</summary>
    private static Module[] Output(MatGanNetworkOptions o, Random random)
    {
        if (o.GeneratorOutput == MatGanGeneratorOutput.Sigmoid)
        {
            return [new Linear(1024, o.SampleLength, random), new Sigmoid()];
        }

        var rows = new RowSparsemax(o.Elements, o.Counts);
        return [new Linear(1024, rows.InputLength, random), rows];
    }

    /// <summary>x [B, Elements·Counts] → 1024 → LReLU → 512 → LReLU → 1.</summary>
    public static Sequential MlpCritic(Random random, MatGanNetworkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var o = options ?? MatGanNetworkOptions.Default;
        o.Validate();
        return new Sequential(
            new Linear(o.SampleLength, 1024, random),
            new LeakyReLU(o.LeakySlope),
            new Linear(1024, 512, random),
            new LeakyReLU(o.LeakySlope),
            new Linear(512, 1, random));
    }

    private static int Half(int size) => (size + 1) / 2;
}
