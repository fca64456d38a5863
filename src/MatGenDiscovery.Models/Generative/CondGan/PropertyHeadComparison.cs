using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Predictors.Evaluation;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Generative.CondGan;

/// <summary>
/// Compares a trained CondGAN critic's property head with a plain regressor of the critic's size (input → 60 → ReLU →
/// 30 → ReLU → 1) trained on the same inputs (x, or [x ‖ x^bp]) and min–max scaled targets with MSE, Adam 1e-3,
/// batch 64. Held-out compositions with an element outside the bag cannot be encoded and are skipped.
/// </summary>
public static class PropertyHeadComparison
{
    public const int DefaultSteps = 20000;

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
        var network = PropertyRegressor.Create(width, random);
        PropertyRegressor.Fit(network, features, scaled, width, steps, random);
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
