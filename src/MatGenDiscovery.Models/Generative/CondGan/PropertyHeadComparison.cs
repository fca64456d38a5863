using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Predictors.Evaluation;
using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.NeuralNetworks.Optimizers;
using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.LossFunctions;

namespace MatGenDiscovery.Models.Generative.CondGan;

/// <summary>
/// Compares a trained CondGAN critic's property head with a plain regressor of the critic's size (input → 60 → ReLU →
/// 30 → ReLU → 1) trained on the same inputs (x, or [x ‖ x^bp]) and min–max scaled targets with MSE, Adam 1e-3,
/// batch 64. Held-out compositions with an element outside the bag cannot be encoded and are skipped.
/// </summary>
public static class PropertyHeadComparison
{
    public const int DefaultSteps = 20000;

    private const int BatchSize = 64;

    /// <exception cref="ArgumentException">Targets do not align with compositions, or no held-out composition can be encoded.</exception>
    public static PropertyHeadResult Compare(
        CondGanModel model, IReadOnlyList<Composition> train, IReadOnlyList<double> trainTargets,
        IReadOnlyList<Composition> test, IReadOnlyList<double> testTargets, int seed, int steps = DefaultSteps)
    {
        if (train.Count != trainTargets.Count || test.Count != testTargets.Count)
        {
            throw new ArgumentException($"need one target per composition: {train.Count}/{trainTargets.Count} training, {test.Count}/{testTargets.Count} held out");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        var kept = Enumerable.Range(0, test.Count).Where(i => model.Space.Covers(test[i])).ToArray();
        if (kept.Length == 0)
        {
            throw new ArgumentException("no held-out composition has all its elements in the model's bag-of-atoms", nameof(test));
        }

        var heldOut = kept.Select(i => test[i]).ToArray();
        var truth = kept.Select(i => testTargets[i]).ToArray();
        var critic = model.PredictProperty(heldOut);
        var plain = TrainPlain(model, train, trainTargets, seed, steps);
        var head = RegressionMetrics.Compute(critic, truth);
        var plainNetwork = RegressionMetrics.Compute(Predict(plain, model, heldOut), truth);
        return new PropertyHeadResult(
            heldOut.Length, head.MeanAbsoluteError, head.RootMeanSquaredError, plainNetwork.MeanAbsoluteError, plainNetwork.RootMeanSquaredError, steps);
    }

    private static Sequential TrainPlain(CondGanModel model, IReadOnlyList<Composition> train, IReadOnlyList<double> targets, int seed, int steps)
    {
        var (fractions, scaled) = model.Space.Encode(train, targets);
        var features = model.CriticFeatures(Tensor.FromArray(fractions, train.Count, model.Space.Length)).ToArray();
        var width = features.Length / train.Count;
        var random = new Random(seed);
        var network = new Sequential(
            new Linear(width, 60, random), new ReLU(), new Linear(60, 30, random), new ReLU(), new Linear(30, 1, random));
        var optimizer = new Adam(network.Parameters(), 1e-3f);
        var x = new float[BatchSize * width];
        var y = new float[BatchSize];
        for (var step = 0; step < steps; step++)
        {
            for (var b = 0; b < BatchSize; b++)
            {
                var row = random.Next(train.Count);
                features.AsSpan(row * width, width).CopyTo(x.AsSpan(b * width));
                y[b] = scaled[row];
            }

            var loss = Losses.Mse(network.Forward(Tensor.FromArray(x, BatchSize, width)), Tensor.FromArray(y, BatchSize, 1));
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }

        return network;
    }

    private static double[] Predict(Sequential network, CondGanModel model, IReadOnlyList<Composition> compositions)
    {
        var (fractions, _) = model.Space.Encode(compositions, new double[compositions.Count]);
        var features = model.CriticFeatures(Tensor.FromArray(fractions, compositions.Count, model.Space.Length));
        using (Tensor.NoGrad())
        {
            return network.Forward(features).ToArray().Select(model.Space.Unscale).ToArray();
        }
    }
}
