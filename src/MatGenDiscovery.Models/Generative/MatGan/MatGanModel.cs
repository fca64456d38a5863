using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Models.Representations;
using MatGenDiscovery.NeuralNetworks.Architectures;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.NeuralNetworks.Training;
using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Models.Generative.MatGan;

/// <summary>
/// MatGAN (Dan et al. 2020): a WGAN-GP on the 85 × 8 count matrix. A step is <see cref="ModelDefaults.CriticSteps"/>
/// critic updates (E[D(fake)] − E[D(real)] + λ·GP) and one generator update (−E[D(G(z))]), z ~ N(0, I).
/// Samples decode with the 0.2 threshold rule (largest count wins) and are kept with 2–8 elements. With
/// <see cref="ModelDefaults.GeneratorEmaDecay"/> set, an exponential moving average of the generator (weights and
/// batch-norm statistics, updated after every generator update) is what <see cref="Generate"/> samples from. The
/// <c>mlp</c> generator's output is the published sigmoid or, with <see cref="GeneratorOutputs.RowSparsemax"/>, a
/// sparsemax choice per element row between absent and a count.
/// </summary>
public sealed class MatGanModel : GenerativeModel
{
    public const int MinElements = 2;
    public const int MaxElements = 8;

    private readonly MatGanNetworkPair _networks;
    private readonly ResumableAdam _generatorOptimizer;
    private readonly ResumableAdam _criticOptimizer;
    private readonly ExponentialMovingAverage? _generatorAverage;
    private CountMatrixData? _data;

    public MatGanModel(ModelDefaults settings, Random random)
        : base(settings)
    {
        var output = GeneratorOutputs.ParseMatGan(settings.GeneratorOutput);
        _networks = MatGanNetworkPair.Create(
            settings.Network, settings.LatentSize, random, CriticNormalizations.Parse(settings.CriticNormalization), output);
        _generatorOptimizer = new ResumableAdam(Generator.Parameters(), settings.GeneratorLearningRate, settings.Beta1, settings.Beta2);
        _criticOptimizer = new ResumableAdam(Critic.Parameters(), settings.CriticLearningRate, settings.Beta1, settings.Beta2);
        if (settings.GeneratorEmaDecay is { } decay)
        {
            // A second generator of the same architecture; its initial draws are overwritten by the copy.
            var copy = MatGanNetworkPair.Create(settings.Network, settings.LatentSize, new Random(0), generatorOutput: output).Generator;
            _generatorAverage = new ExponentialMovingAverage(Generator, copy, decay);
        }
    }

    public Sequential Generator => _networks.Generator;

    public Sequential Critic => _networks.Critic;

    /// <summary>The generator samples come from: the weight average when enabled, else <see cref="Generator"/>.</summary>
    public Sequential SamplingGenerator => (Sequential?)_generatorAverage?.Average ?? Generator;

    public ExponentialMovingAverage? GeneratorAverage => _generatorAverage;

    public override IReadOnlyList<string> LossNames { get; } = ["critic", "gradient_penalty", "generator", "wasserstein"];

    /// <exception cref="RepresentationException">A composition does not fit the 85 × 8 matrix.</exception>
    public void SetTrainingData(IReadOnlyList<Composition> compositions) => _data = new CountMatrixData(compositions);

    public override float[] TrainStep(Random random, int batchSize)
    {
        var data = _data ?? throw new InvalidOperationException("attach training data with SetTrainingData before training");
        var trainer = new WganGpTrainer(
            Generator, Critic, _generatorOptimizer, _criticOptimizer, random, Settings.LatentSize, Settings.GradientPenaltyWeight);
        var critic = default(WganGpStepResult);
        for (var i = 0; i < Settings.CriticSteps; i++)
        {
            critic = trainer.CriticStep(data.Sample(random, batchSize, _networks.BatchShape(batchSize)));
        }

        var generator = trainer.GeneratorStep(batchSize);
        _generatorAverage?.Update();
        return [critic.CriticLoss, critic.GradientPenalty, generator, critic.WassersteinEstimate];
    }

    /// <summary>Mean critic score of real rows minus that of generated rows, in eval mode (a separation measure).</summary>
    public float CriticGap(IReadOnlyList<Composition> real, int seed)
    {
        var data = new CountMatrixData(real);
        var random = new Random(seed);
        Generator.Eval();
        Critic.Eval();
        try
        {
            using (Tensor.NoGrad())
            {
                var realBatch = data.Sample(random, data.Count, _networks.BatchShape(data.Count));
                var fake = Generator.Forward(Tensor.Randn(random, data.Count, Settings.LatentSize)).Reshape(_networks.BatchShape(data.Count));
                return Critic.Forward(realBatch).Mean().Item() - Critic.Forward(fake).Mean().Item();
            }
        }
        finally
        {
            Generator.Train();
            Critic.Train();
        }
    }

    public override IEnumerable<KeyValuePair<string, Tensor>> State() =>
        Prefixed("generator", Generator.StateDict())
            .Concat(Prefixed("critic", Critic.StateDict()))
            .Concat(Prefixed("optimizer.generator", _generatorOptimizer.State()))
            .Concat(Prefixed("optimizer.critic", _criticOptimizer.State()))
            .Concat(_generatorAverage is null ? [] : Prefixed("generator_ema", _generatorAverage.State()));

    public override GeneratedSet Generate(GenerationRequest request)
    {
        request.Validate();
        RequireUnconditional(request, Settings.Kind);
        return MatGanSampler.Generate(SamplingGenerator, Settings.LatentSize, request);
    }
}
