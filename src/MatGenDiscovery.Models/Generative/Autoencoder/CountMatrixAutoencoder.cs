using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.MatGan;
using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Models.Representations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Generative.Autoencoder;

/// <summary>
/// MatGAN's decodability check: encoder = the critic's convolution (or MLP) stack followed by a Linear to the latent
/// size, decoder = the generator network, trained on the negative Dice loss (or Dice + BCE, see
/// <see cref="ReconstructionLosses"/>) with one Adam (generator learning rate, betas of the config). A composition is
/// decodable when encode → decode → the GAN sampler's threshold decode gives it back exactly.
/// </summary>
public sealed class CountMatrixAutoencoder : GenerativeModel
{
    private readonly MatGanNetworkPair _networks;
    private readonly ResumableAdam _optimizer;
    private readonly string _loss;
    private CountMatrixData? _data;

    /// <exception cref="ArgumentException">Unknown network or reconstruction loss.</exception>
    public CountMatrixAutoencoder(ModelDefaults settings, Random random)
        : base(settings)
    {
        _loss = ReconstructionLosses.Require(settings.ReconstructionLoss);
        LossNames = ReconstructionLosses.TermNames(_loss);
        _networks = MatGanNetworkPair.Create(settings.Network, settings.LatentSize, random);
        var critic = _networks.Critic;
        var head = (Linear)critic[critic.Count - 1];
        var layers = Enumerable.Range(0, critic.Count - 1).Select(i => critic[i]).ToList();
        layers.Add(new Linear(head.InFeatures, settings.LatentSize, random));
        Encoder = new Sequential([.. layers]);
        _optimizer = new ResumableAdam(
            Encoder.Parameters().Concat(Decoder.Parameters()), settings.GeneratorLearningRate, settings.Beta1, settings.Beta2);
    }

    /// <summary>[B, sample] → [B, latent].</summary>
    public Sequential Encoder { get; }

    /// <summary>[B, latent] → [B, sample] (the MatGAN generator).</summary>
    public Sequential Decoder => _networks.Generator;

    public override IReadOnlyList<string> LossNames { get; }

    public override bool CanGenerate => false;

    /// <exception cref="RepresentationException">A composition does not fit the 85 × 8 matrix.</exception>
    public void SetTrainingData(IReadOnlyList<Composition> compositions) => _data = new CountMatrixData(compositions);

    public override float[] TrainStep(Random random, int batchSize)
    {
        var data = _data ?? throw new InvalidOperationException("attach training data with SetTrainingData before training");
        var batch = data.Sample(random, batchSize, _networks.BatchShape(batchSize));
        var terms = ReconstructionLosses.Terms(_loss, Decoder.Forward(Encoder.Forward(batch)), batch);
        var loss = terms.Length == 1 ? terms[0] : terms[0] + terms[1];
        _optimizer.ZeroGrad();
        loss.Backward();
        _optimizer.Step();
        return [.. terms.Select(t => t.Item())];
    }

    /// <summary>True when the composition fits the matrix and reconstructs to the same reduced counts.</summary>
    public bool IsDecodable(Composition composition) => DecodableFlags([composition])[0];

    /// <summary>Share of the compositions that are decodable (0 for an empty list).</summary>
    public double DecodableShare(IReadOnlyList<Composition> compositions) =>
        compositions.Count == 0 ? 0 : (double)DecodableFlags(compositions).Count(d => d) / compositions.Count;

    /// <summary>Per composition: decodable or not, in eval mode and batches of 1024.</summary>
    public bool[] DecodableFlags(IReadOnlyList<Composition> compositions)
    {
        var matrix = new MatGanCountMatrix();
        var flags = new bool[compositions.Count];
        var encodable = new List<int>();
        for (var i = 0; i < compositions.Count; i++)
        {
            var reduced = compositions[i].Reduced();
            if (reduced.IsIntegral && reduced.Elements.All(e => matrix.RowOf(e) >= 0) && reduced.ReducedCounts.All(c => c <= MatGanCountMatrix.MaxCount))
            {
                encodable.Add(i);
            }
        }

        Encoder.Eval();
        Decoder.Eval();
        try
        {
            for (var start = 0; start < encodable.Count; start += 1024)
            {
                var chunk = encodable.Skip(start).Take(1024).ToArray();
                var input = new float[chunk.Length * MatGanCountMatrix.Size];
                for (var j = 0; j < chunk.Length; j++)
                {
                    matrix.Encode(compositions[chunk[j]].Reduced(), input.AsSpan(j * MatGanCountMatrix.Size, MatGanCountMatrix.Size));
                }

                float[] output;
                using (Tensor.NoGrad())
                {
                    output = Decoder.Forward(Encoder.Forward(Tensor.FromArray(input, _networks.BatchShape(chunk.Length)))).ToArray();
                }

                for (var j = 0; j < chunk.Length; j++)
                {
                    var decoded = matrix.Decode(output.AsSpan(j * MatGanCountMatrix.Size, MatGanCountMatrix.Size));
                    flags[chunk[j]] = decoded is not null && decoded.EqualsUnreduced(compositions[chunk[j]].Reduced());
                }
            }
        }
        finally
        {
            Encoder.Train();
            Decoder.Train();
        }

        return flags;
    }

    public override IEnumerable<KeyValuePair<string, Tensor>> State() =>
        Prefixed("encoder", Encoder.StateDict())
            .Concat(Prefixed("decoder", Decoder.StateDict()))
            .Concat(Prefixed("optimizer", _optimizer.State()));

    public override GeneratedSet Generate(GenerationRequest request) =>
        throw new ArgumentException("an autoencoder checkpoint reconstructs compositions but does not generate; use a matgan, condgan or condvae checkpoint", nameof(request));
}
