using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.LossFunctions;
using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Models.Generative.CondGan;

/// <summary>
/// CondGAN (Sawada et al. 2019): an ACGAN with WGAN-GP. Generator [noise ~ U(−1, 1) ‖ y′] → 30 → ReLU → 60 → ReLU →
/// L → sigmoid (opt-in: softmax, <see cref="GeneratorOutputs"/>) over the bag-of-atoms (hidden widths <see cref="ModelDefaults.GeneratorHidden"/>); critic
/// (<see cref="TwoHeadCritic"/>) on x, or on [x ‖ x^bp] for CondGAN(x^bp).
/// Critic loss E[D(fake)] − E[D(real)] + λ·GP + MSE(P(real), y′); generator loss −E[D(fake)] + w·MSE(P(fake), y′)
/// (w = <see cref="ModelDefaults.PropertyLossWeight"/>, 1 in Sawada's code),
/// with the generator's targets drawn from the training targets. y′ is the min–max scaled property. With
/// <see cref="FractionScalings.PerElement"/> the generator and critic work on x′ⱼ = xⱼ / maxⱼ (Sawada's CompGAN scales
/// every column); generation multiplies back before decoding and optionally keeps only the largest fractions.
/// Opt-in, beyond the paper: a target-conditioned critic score (<see cref="TwoHeadCritic"/>), a frozen pre-trained
/// <see cref="Regressor"/> in place of P in the generator's property loss, and other hidden widths for both networks.
/// </summary>
public sealed class CondGanModel : GenerativeModel
{
    private readonly ResumableAdam _generatorOptimizer;
    private readonly ResumableAdam _criticOptimizer;
    private readonly Tensor? _descriptors;
    private ConditionalData? _data;
    private Tensor? _fractionScales;
    private Random? _regressorRandom;

    /// <param name="descriptors">D′ [L, d] for the x^bp variant (see <see cref="DescriptorProjection"/>), else null.</param>
    public CondGanModel(ModelDefaults settings, ConditionalSpace space, Tensor? descriptors, Random random)
        : base(settings)
    {
        Space = space;
        _fractionScales = ScaleRow(space);
        _descriptors = descriptors;
        Generator = HiddenLayers.Mlp(settings.LatentSize + 1, settings.GeneratorHidden, random)
            .Add(new Linear(settings.GeneratorHidden[^1], space.Length, random));
        if (settings.GeneratorOutput == GeneratorOutputs.Sigmoid)
        {
            Generator.Add(new Sigmoid());
        }

        Critic = new TwoHeadCritic(
            space.Length + (descriptors?.Size(1) ?? 0), random, settings.CriticConditioning, settings.CriticHidden);
        _generatorOptimizer = new ResumableAdam(Generator.Parameters(), settings.GeneratorLearningRate, settings.Beta1, settings.Beta2);
        _criticOptimizer = new ResumableAdam(Critic.Parameters(), settings.CriticLearningRate, settings.Beta1, settings.Beta2);
        if (settings.PropertyRegressorSteps is not null)
        {
            // Drawn after every published weight, so configs without a regressor keep their initialisation.
            _regressorRandom = new Random(random.Next());
            Regressor = PropertyRegressor.Create(space.Length + (descriptors?.Size(1) ?? 0), _regressorRandom);
        }
    }

    public ConditionalSpace Space { get; private set; }

    /// <summary>[B, noise + 1] → [B, L].</summary>
    public Sequential Generator { get; }

    public TwoHeadCritic Critic { get; }

    /// <summary>
    /// The frozen property regressor [B, critic input] → [B, 1] that steers the generator when
    /// <see cref="ModelDefaults.PropertyRegressorSteps"/> is set (fitted by <see cref="SetTrainingData"/>), else null.
    /// </summary>
    public Sequential? Regressor { get; }

    public override bool IsConditional => true;

    public override IReadOnlyList<string> LossNames { get; } =
        ["critic", "gradient_penalty", "critic_property_mse", "generator", "generator_property_mse"];

    /// <summary>Attaches the training set; with per-element scaling the scales come from these compositions.</summary>
    public void SetTrainingData(IReadOnlyList<Composition> compositions, IReadOnlyList<double> targets)
    {
        if (Settings.FractionScaling == FractionScalings.PerElement && Space.FractionScales is null)
        {
            Space = Space.WithFractionScales(compositions);
            _fractionScales = ScaleRow(Space);
        }

        var (fractions, scaled) = Space.Encode(compositions, targets);
        _data = new ConditionalData(fractions, scaled, Space.Length);
        if (Regressor is not null && _regressorRandom is { } random)
        {
            var features = CriticFeatures(Tensor.FromArray(fractions, compositions.Count, Space.Length)).ToArray();
            PropertyRegressor.Fit(Regressor, features, scaled, features.Length / compositions.Count, Settings.PropertyRegressorSteps!.Value, random);
            Regressor.Parameters().ToList().ForEach(p => p.RequiresGrad = false);
            _regressorRandom = null;
        }
    }

    public override float[] TrainStep(Random random, int batchSize)
    {
        var data = _data ?? throw new InvalidOperationException("attach training data with SetTrainingData before training");
        var losses = new float[5];
        for (var i = 0; i < Settings.CriticSteps; i++)
        {
            var (real, realTargets) = data.Sample(random, batchSize);
            var conditional = Critic.Conditioning is not null;
            Tensor fake;
            using (Tensor.NoGrad())
            {
                // A conditional score compares p(x | y′) of real and fake, so the fakes are asked for the real rows' targets.
                fake = Generate(Input(random, conditional ? realTargets : data.SampleTargets(random, batchSize)));
            }

            var scoreTargets = conditional ? realTargets : null;
            var realOut = Critic.Forward(CriticInput(real), scoreTargets);
            var fakeOut = Critic.Forward(CriticInput(fake), scoreTargets);
            var wasserstein = Losses.WassersteinCritic(realOut.Narrow(1, 0, 1), fakeOut.Narrow(1, 0, 1));
            var penalty = Losses.GradientPenalty(
                x => Critic.Forward(CriticInput(x), scoreTargets).Narrow(1, 0, 1), real, fake, random, Settings.GradientPenaltyWeight);
            var property = Losses.Mse(realOut.Narrow(1, 1, 1), realTargets);
            var loss = wasserstein + penalty + property;
            _criticOptimizer.ZeroGrad();
            loss.Backward();
            _criticOptimizer.Step();
            (losses[0], losses[1], losses[2]) = (loss.Item(), penalty.Item(), property.Item());
        }

        var criticParameters = Critic.Parameters().ToList();
        criticParameters.ForEach(p => p.RequiresGrad = false);
        try
        {
            var targets = data.SampleTargets(random, batchSize);
            var features = CriticInput(Generate(Input(random, targets)));
            var output = Critic.Forward(features, Critic.Conditioning is null ? null : targets);
            var adversarial = Losses.WassersteinGenerator(output.Narrow(1, 0, 1));
            var property = Losses.Mse(Regressor?.Forward(features) ?? output.Narrow(1, 1, 1), targets);
            var loss = adversarial + Settings.PropertyLossWeight * property;
            _generatorOptimizer.ZeroGrad();
            loss.Backward();
            _generatorOptimizer.Step();
            (losses[3], losses[4]) = (loss.Item(), property.Item());
        }
        finally
        {
            criticParameters.ForEach(p => p.RequiresGrad = true);
        }

        return losses;
    }

    /// <summary>
    /// Bag-of-atoms vectors [count, L] for a scaled target, from a seeded noise stream: the generator's output with the
    /// per-element scaling undone, and at most <see cref="ModelDefaults.MaxGeneratedElements"/> non-zero values per row.
    /// </summary>
    public Tensor Sample(Random random, int count, float scaledTarget)
    {
        float[] values;
        using (Tensor.NoGrad())
        {
            values = Generate(Input(random, Tensor.Full(scaledTarget, count, 1))).ToArray();
        }

        Space.UnscaleFractions(values);
        if (Settings.MaxGeneratedElements is { } cap)
        {
            for (var b = 0; b < count; b++)
            {
                KeepLargest(values.AsSpan(b * Space.Length, Space.Length), cap);
            }
        }

        return Tensor.FromArray(values, count, Space.Length);
    }

    /// <summary>What the critic sees for fractions x [B, L]: x, or [x ‖ x^bp] [B, L + d] for CondGAN(x^bp).</summary>
    public Tensor CriticFeatures(Tensor fractions)
    {
        using (Tensor.NoGrad())
        {
            return CriticInput(fractions);
        }
    }

    /// <summary>The critic's property head on compositions, in the property's units (Sawada's Table 4 predictor).</summary>
    /// <exception cref="Representations.RepresentationException">A composition has an element outside the bag.</exception>
    public double[] PredictProperty(IReadOnlyList<Composition> compositions)
    {
        var (fractions, _) = Space.Encode(compositions, new double[compositions.Count]);
        using (Tensor.NoGrad())
        {
            var output = Critic.Forward(CriticInput(Tensor.FromArray(fractions, compositions.Count, Space.Length)), Targets(compositions.Count));
            return output.Narrow(1, 1, 1).ToArray().Select(Space.Unscale).ToArray();
        }
    }

    public override IEnumerable<KeyValuePair<string, Tensor>> State()
    {
        var state = Prefixed("generator", Generator.StateDict())
            .Concat(Prefixed("critic", Critic.StateDict()))
            .Concat(Prefixed("optimizer.generator", _generatorOptimizer.State()))
            .Concat(Prefixed("optimizer.critic", _criticOptimizer.State()));
        if (Regressor is not null)
        {
            state = state.Concat(Prefixed("regressor", Regressor.StateDict()));
        }

        return _descriptors is null ? state : state.Append(new("descriptors", _descriptors));
    }

    public override IReadOnlyDictionary<string, string> Metadata() => Space.ToMetadata();

    public override GeneratedSet Generate(GenerationRequest request)
    {
        request.Validate();
        var target = Space.Scale(RequireTarget(request, Settings.Kind));
        return BagOfAtomsSampler.Generate(Space.Bag, request, (random, count) => Sample(random, count, target));
    }

    /// <summary>Placeholder targets for reading the property head of a conditional critic (the head ignores them).</summary>
    private Tensor? Targets(int count) => Critic.Conditioning is null ? null : Tensor.Zeros(count, 1);

    /// <summary>
    /// [B, noise + 1] → [B, L] in the space the critic sees: the generator's sigmoid outputs, or the softmax or
    /// sparsemax fractions (<see cref="GeneratorOutputs"/>) per-element scaled (x′ⱼ = xⱼ / maxⱼ) as the data are.
    /// </summary>
    private Tensor Generate(Tensor input)
    {
        var output = Generator.Forward(input);
        if (Settings.GeneratorOutput == GeneratorOutputs.Sigmoid)
        {
            return output;
        }

        var fractions = Settings.GeneratorOutput == GeneratorOutputs.Softmax ? output.Softmax(1) : output.Sparsemax();
        return _fractionScales is null ? fractions : fractions / _fractionScales;
    }

    private Tensor Input(Random random, Tensor targets) =>
        Slicing.Concat([Tensor.Uniform(random, -1f, 1f, targets.Size(0), Settings.LatentSize), targets], 1);

    private Tensor CriticInput(Tensor x) => _descriptors is null ? x : DescriptorProjection.Append(x, _descriptors, _fractionScales);

    private static Tensor? ScaleRow(ConditionalSpace space) =>
        space.FractionScales is { } scales ? Tensor.FromArray(scales.ToArray(), 1, scales.Count) : null;

    /// <summary>Zeroes all but the <paramref name="keep"/> largest values of a row (ties broken by position).</summary>
    private static void KeepLargest(Span<float> row, int keep)
    {
        if (keep >= row.Length)
        {
            return;
        }

        var order = new int[row.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var values = row.ToArray();
        Array.Sort(order, (a, b) => values[b] != values[a] ? values[b].CompareTo(values[a]) : a.CompareTo(b));
        foreach (var index in order.AsSpan(keep))
        {
            row[index] = 0;
        }
    }
}
