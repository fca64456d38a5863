using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.NeuralNetworks.Optimizers;
using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.LossFunctions;

namespace MatGenDiscovery.Models.Predictors.Mlp;

/// <summary>Trains one ElemNet-style network (see <see cref="MlpOptions"/>) on standardised targets.</summary>
public sealed class MlpTrainer
{
    public MlpTrainer(MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    public MlpOptions Options { get; }

    /// <param name="inputs">Row-major n × columns fractions.</param>
    /// <param name="targets">Standardised targets, n values.</param>
    /// <param name="validationInputs">Validation fractions (may be empty: then every epoch counts as the best).</param>
    /// <param name="validationTargets">Standardised validation targets.</param>
    /// <param name="onEpoch">Called after each epoch with (epoch, validation MAE in standardised units).</param>
    /// <returns>The network with the weights of its best validation epoch, in evaluation mode.</returns>
    public Sequential Train(
        float[] inputs, float[] targets, float[] validationInputs, float[] validationTargets, int columns, int seed,
        Action<int, double>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length == 0 || inputs.Length != targets.Length * columns)
        {
            throw new ArgumentException($"Inputs hold {inputs.Length} values, not {targets.Length} rows × {columns} columns (at least one row).", nameof(inputs));
        }

        var random = new Random(seed);
        var network = MlpNetwork.Build(columns, Options.HiddenSizes, Options.Dropout, random);
        var optimizer = new Adam(network.Parameters(), Options.LearningRate);
        var order = Enumerable.Range(0, targets.Length).ToArray();
        var best = double.PositiveInfinity;
        var bestState = Snapshot(network);
        var sinceBest = 0;
        for (var epoch = 1; epoch <= Options.MaxEpochs && sinceBest < Options.Patience; epoch++)
        {
            random.Shuffle(order);
            if (Options.CosineSchedule)
            {
                optimizer.LearningRate = (float)(Options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * (epoch - 1) / Options.MaxEpochs)));
            }

            network.Train();
            for (var start = 0; start < order.Length; start += Options.BatchSize)
            {
                Step(network, optimizer, inputs, targets, columns, order.AsSpan(start, Math.Min(Options.BatchSize, order.Length - start)));
            }

            network.Eval();
            var error = validationTargets.Length > 0 ? MeanAbsoluteError(network, validationInputs, validationTargets, columns) : 0.0;
            onEpoch?.Invoke(epoch, error);
            if (validationTargets.Length == 0 || error < best)
            {
                best = error;
                bestState = Snapshot(network);
                sinceBest = 0;
            }
            else
            {
                sinceBest++;
            }
        }

        network.LoadStateDict(bestState);
        network.Eval();
        return network;
    }

    private static void Step(Sequential network, Adam optimizer, float[] inputs, float[] targets, int columns, ReadOnlySpan<int> rows)
    {
        var x = new float[rows.Length * columns];
        var y = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            inputs.AsSpan(rows[i] * columns, columns).CopyTo(x.AsSpan(i * columns, columns));
            y[i] = targets[rows[i]];
        }

        optimizer.ZeroGrad();
        var loss = Losses.L1(network.Forward(Tensor.FromArray(x, rows.Length, columns)), Tensor.FromArray(y, rows.Length, 1));
        loss.Backward();
        optimizer.Step();
    }

    private static double MeanAbsoluteError(Module network, float[] inputs, float[] targets, int columns)
    {
        const int block = 4096;
        var sum = 0.0;
        for (var start = 0; start < targets.Length; start += block)
        {
            var rows = Math.Min(block, targets.Length - start);
            var predictions = MlpPredictor.Forward(network, inputs[(start * columns)..((start + rows) * columns)], rows);
            for (var i = 0; i < rows; i++)
            {
                sum += Math.Abs(predictions[i] - targets[start + i]);
            }
        }

        return sum / targets.Length;
    }

    private static Dictionary<string, Tensor> Snapshot(Module network) =>
        network.StateDict().ToDictionary(pair => pair.Key, pair => pair.Value.Clone());
}
