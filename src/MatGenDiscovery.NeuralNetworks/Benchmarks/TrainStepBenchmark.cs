using System.Diagnostics;
using MatGenDiscovery.Tensors.Diagnostics;
using MatGenDiscovery.NeuralNetworks.Architectures;
using MatGenDiscovery.NeuralNetworks.Optimizers;
using MatGenDiscovery.NeuralNetworks.Training;

namespace MatGenDiscovery.NeuralNetworks.Benchmarks;

/// <summary>
/// Times WGAN-GP train steps (one critic and one generator update, λ = 10, Adam lr 1e-3, β (0.5, 0.9)) on a seeded
/// pool of 16·batch synthetic one-hot composition matrices, the same workload as experiments/reference/torch_bench.py.
/// </summary>
public static class TrainStepBenchmark
{
    public const int LatentSize = 128;

    /// <summary>Builds the networks and trainer for <paramref name="model"/>, seeded by <paramref name="seed"/>.</summary>
    public static WganGpTrainer CreateTrainer(TrainStepModel model, int seed)
    {
        var random = new Random(seed);
        var options = MatGanNetworkOptions.Default;
        var (generator, critic) = model == TrainStepModel.MatGanMp
            ? (MatGanNetworks.MpGenerator(random, options), MatGanNetworks.MpCritic(random, options))
            : (MatGanNetworks.MlpGenerator(random, options), MatGanNetworks.MlpCritic(random, options));
        return new WganGpTrainer(
            generator, critic,
            new Adam(generator.Parameters(), 1e-3f, 0.5f, 0.9f),
            new Adam(critic.Parameters(), 1e-3f, 0.5f, 0.9f),
            random, LatentSize);
    }

    /// <summary>The real-data pool: [16·batch, 1, 85, 8] for matgan-mp, [16·batch, 680] for mlp.</summary>
    public static Tensor CreatePool(TrainStepModel model, int batch, int seed)
    {
        var options = MatGanNetworkOptions.Default;
        var pool = SyntheticCompositions.OneHotMatrices(new Random(seed), 16 * batch, options.Elements, options.Counts);
        return model == TrainStepModel.MatGanMp ? pool.Reshape(16 * batch, 1, options.Elements, options.Counts) : pool;
    }

    /// <summary>Runs <paramref name="warmup"/> untimed steps, then times <paramref name="steps"/> steps.</summary>
    /// <exception cref="ArgumentOutOfRangeException">batch &lt; 2, steps &lt; 1 or warmup &lt; 0.</exception>
    public static TrainStepMeasurement Run(TrainStepModel model, int batch, int steps, int warmup, int seed = 0)
    {
        var step = Prepare(model, batch, steps, warmup, seed);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++)
        {
            step();
        }

        return new TrainStepMeasurement(model, batch, steps, stopwatch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Like <see cref="Run"/>, but records the timed steps with <see cref="OperationProfiler"/> (slower than an
    /// unprofiled run by the scope overhead); <see cref="OperationProfile.Format"/> with <paramref name="steps"/> gives per-step figures.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">batch &lt; 2, steps &lt; 1 or warmup &lt; 0.</exception>
    public static OperationProfile Profile(TrainStepModel model, int batch, int steps, int warmup, int seed = 0)
    {
        var step = Prepare(model, batch, steps, warmup, seed);
        OperationProfiler.Start();
        try
        {
            for (var i = 0; i < steps; i++)
            {
                step();
            }
        }
        catch
        {
            OperationProfiler.Stop();
            throw;
        }

        return OperationProfiler.Stop();
    }

    /// <summary>Validates the arguments, builds the trainer and pool, runs the warm-up and returns the step action.</summary>
    private static Action Prepare(TrainStepModel model, int batch, int steps, int warmup, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        var trainer = CreateTrainer(model, seed);
        var pool = CreatePool(model, batch, seed + 7);
        var offset = 0;
        void Step()
        {
            var real = pool.Narrow(0, offset, batch);
            offset = (offset + batch) % pool.Size(0);
            trainer.Step(real);
        }

        for (var i = 0; i < warmup; i++)
        {
            Step();
        }

        return Step;
    }
}
