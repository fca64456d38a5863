using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.NeuralNetworks.Optimizers;
using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.LossFunctions;

namespace MatGenDiscovery.Models.Generative.CondGan;

/// <summary>
/// A plain property regressor of the CondGAN critic's size: features [B, width] → 60 → ReLU → 30 → ReLU → 1, fitted to
/// min–max scaled targets with MSE, Adam 1e-3, batch 64 (Table 4's plain network; CondGAN's optional frozen regressor).
/// </summary>
public static class PropertyRegressor
{
    public const int BatchSize = 64;

    public static Sequential Create(int width, Random random) => new(
        new Linear(width, 60, random), new ReLU(), new Linear(60, 30, random), new ReLU(), new Linear(30, 1, random));

    /// <summary>Trains <paramref name="network"/> in place on rows of <paramref name="features"/> [N·width] drawn with replacement.</summary>
    /// <exception cref="ArgumentException">The features do not hold one row of <paramref name="width"/> per target.</exception>
    public static void Fit(Sequential network, float[] features, float[] targets, int width, int steps, Random random)
    {
        if (targets.Length == 0 || features.Length != targets.Length * width)
        {
            throw new ArgumentException($"need {targets.Length} feature rows of width {width} (one per target, at least one); got {features.Length} values", nameof(features));
        }

        var optimizer = new Adam(network.Parameters(), 1e-3f);
        var x = new float[BatchSize * width];
        var y = new float[BatchSize];
        for (var step = 0; step < steps; step++)
        {
            for (var b = 0; b < BatchSize; b++)
            {
                var row = random.Next(targets.Length);
                features.AsSpan(row * width, width).CopyTo(x.AsSpan(b * width));
                y[b] = targets[row];
            }

            var loss = Losses.Mse(network.Forward(Tensor.FromArray(x, BatchSize, width)), Tensor.FromArray(y, BatchSize, 1));
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }
    }
}
