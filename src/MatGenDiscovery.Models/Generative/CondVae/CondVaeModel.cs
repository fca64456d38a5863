using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.LossFunctions;
using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Models.Generative.CondVae;

/// <summary>
/// Conditional VAE with CondGAN's sizes: encoder [x ‖ y′] → 60 → ReLU → 30 → ReLU → (μ, log σ²) of a latent of
/// <see cref="ModelDefaults.LatentSize"/> (10); decoder [z ‖ y′] → 30 → ReLU → 60 → ReLU → L → softmax over the
/// bag-of-atoms. Loss: cross-entropy −Σ x·log p (fractions as soft labels), summed over elements, plus the Gaussian KL
/// with free bits, Σ_d max(KL_d, λ) where KL_d is latent dimension d's KL averaged over the batch (Kingma et al. 2016),
/// both averaged over the batch. One Adam (generator learning rate) updates both networks. Generation: z ~ N(0, I).
/// With <c>model.generator_output</c> <see cref="GeneratorOutputs.Sparsemax"/> the decoder ends in sparsemax instead,
/// so absent elements are exactly 0, and the reconstruction term is the sparsemax loss (<see cref="Losses.SparsemaxLoss"/>).
/// </summary>
/// <remarks>
/// Without free bits the KL wins over the reconstruction (at most ln L ≈ 4.5 nats per sample) and the posterior
/// collapses: z is ignored and every sample for a target decodes to the same few compositions. Below λ a dimension's
/// KL has no gradient, so the encoder may spend λ nats per dimension on describing the composition.
/// </remarks>
public sealed class CondVaeModel : GenerativeModel
{
    /// <summary>λ, the free KL per latent dimension (nats).</summary>
    public const float DefaultFreeBits = 1f;

    private readonly ResumableAdam _optimizer;
    private ConditionalData? _data;

    /// <param name="freeBits">λ in nats per latent dimension; 0 gives the plain ELBO.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="freeBits"/> is negative or not finite.</exception>
    public CondVaeModel(ModelDefaults settings, ConditionalSpace space, Random random, float freeBits = DefaultFreeBits)
        : base(settings)
    {
        if (!(freeBits >= 0 && float.IsFinite(freeBits)))
        {
            throw new ArgumentOutOfRangeException(nameof(freeBits), freeBits, "free bits must be a finite number ≥ 0");
        }

        FreeBits = freeBits;
        Space = space;
        Encoder = new Sequential(
            new Linear(space.Length + 1, 60, random), new ReLU(),
            new Linear(60, 30, random), new ReLU(),
            new Linear(30, 2 * settings.LatentSize, random));
        Decoder = new Sequential(
            new Linear(settings.LatentSize + 1, 30, random), new ReLU(),
            new Linear(30, 60, random), new ReLU(),
            new Linear(60, space.Length, random));
        _optimizer = new ResumableAdam(
            Encoder.Parameters().Concat(Decoder.Parameters()), settings.GeneratorLearningRate, settings.Beta1, settings.Beta2);
    }

    public ConditionalSpace Space { get; }

    public float FreeBits { get; }

    /// <summary>[B, L + 1] → [B, 2·latent] (μ then log σ²).</summary>
    public Sequential Encoder { get; }

    /// <summary>[B, latent + 1] → [B, L] logits.</summary>
    public Sequential Decoder { get; }

    public override bool IsConditional => true;

    /// <summary>The decoder ends in sparsemax (else softmax).</summary>
    public bool Sparse => Settings.GeneratorOutput == GeneratorOutputs.Sparsemax;

    public override IReadOnlyList<string> LossNames { get; } = ["loss", "reconstruction", "kl"];

    public void SetTrainingData(IReadOnlyList<Composition> compositions, IReadOnlyList<double> targets)
    {
        var (fractions, scaled) = Space.Encode(compositions, targets);
        _data = new ConditionalData(fractions, scaled, Space.Length);
    }

    public override float[] TrainStep(Random random, int batchSize)
    {
        var data = _data ?? throw new InvalidOperationException("attach training data with SetTrainingData before training");
        var (x, y) = data.Sample(random, batchSize);
        var latent = Settings.LatentSize;
        var encoded = Encoder.Forward(Slicing.Concat([x, y], 1));
        var mean = encoded.Narrow(1, 0, latent);
        var logVariance = encoded.Narrow(1, latent, latent);
        var z = mean + (logVariance * 0.5f).Exp() * Tensor.Randn(random, batchSize, latent);
        var logits = Decoder.Forward(Slicing.Concat([z, y], 1));
        var reconstruction = Sparse ? Losses.SparsemaxLoss(logits, x) : -(x * logits.LogSoftmax(1)).Sum() * (1f / batchSize);
        var kl = Losses.GaussianKl(mean, logVariance);
        var perDimension = (1f + logVariance - mean.Square() - logVariance.Exp()).Sum([0]) * (-0.5f / batchSize);
        var loss = reconstruction + perDimension.Clamp(min: FreeBits).Sum();
        _optimizer.ZeroGrad();
        loss.Backward();
        _optimizer.Step();
        return [loss.Item(), reconstruction.Item(), kl.Item()];
    }

    /// <summary>Bag-of-atoms probability vectors [count, L] for a scaled target, z ~ N(0, I) from the stream.</summary>
    public Tensor Sample(Random random, int count, float scaledTarget)
    {
        using (Tensor.NoGrad())
        {
            var z = Tensor.Randn(random, count, Settings.LatentSize);
            var scores = Decoder.Forward(Slicing.Concat([z, Tensor.Full(scaledTarget, count, 1)], 1));
            return Sparse ? scores.Sparsemax() : scores.Softmax(1);
        }
    }

    public override IEnumerable<KeyValuePair<string, Tensor>> State() =>
        Prefixed("encoder", Encoder.StateDict())
            .Concat(Prefixed("decoder", Decoder.StateDict()))
            .Concat(Prefixed("optimizer", _optimizer.State()));

    public override IReadOnlyDictionary<string, string> Metadata() => Space.ToMetadata();

    public override GeneratedSet Generate(GenerationRequest request)
    {
        request.Validate();
        var target = Space.Scale(RequireTarget(request, Settings.Kind));
        return BagOfAtomsSampler.Generate(Space.Bag, request, (random, count) => Sample(random, count, target));
    }
}
