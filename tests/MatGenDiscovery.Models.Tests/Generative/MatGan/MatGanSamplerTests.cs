using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Validity;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.MatGan;
using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Models.Representations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Tests.Generative.MatGan;

public class MatGanSamplerTests
{
    /// <summary>An untrained mlp generator whose output bias leaves a random few of eight elements lit per sample, sometimes fewer than two.</summary>
    private static MatGanModel SparseModel()
    {
        var model = new MatGanModel(
            ModelDefaults.Resolve(new ModelConfig { Kind = ModelKinds.MatGan, Network = ModelKinds.MlpNetwork, CriticLearningRate = 1e-3 }),
            new Random(3));
        var bias = ((Linear)model.Generator[6]).Bias!.AsSpan();
        bias.Fill(-6f);
        foreach (var row in new[] { 0, 5, 10, 20, 30, 40, 50, 60 })
        {
            bias[row * 8] = -1.386f;
            bias[row * 8 + 1] = bias[row * 8 + 2] = -1.6f;
        }

        return model;
    }

    [Fact]
    public void Generate_TwoChunks_MatchesOneSampleAtATimeDecodeValidateAndDedup()
    {
        var model = SparseModel();
        var request = new GenerationRequest(1500, Seed: 7, ChunkSize: 1000);

        var fast = model.Generate(request);

        var slow = SlowPath(model, request);
        fast.Generated.Should().Be(1500);
        fast.Decoded.Should().Be(slow.Decoded).And.BeGreaterThan(0);
        fast.Decoded.Should().BeLessThan(1500, "the bias leaves some samples with fewer than two elements");
        fast.Unique.Select(c => c.ReducedFormula).Should().Equal(slow.Unique);
        fast.Unique.Count.Should().BeGreaterThan(20);
        fast.Counts.Should().Equal(slow.Counts);
        fast.FirstIndices.Should().Equal(slow.Firsts);
        fast.UniqueValid.Should().Be(slow.Valid);
        fast.FirstRejectedIndex.Should().Be(slow.FirstRejected);
    }

    [Fact]
    public void Generate_ManyChunksTrainedNormStatisticsPartialLastChunk_MatchesSlowPathAndRepeatsExactly()
    {
        var model = SparseModel();
        var random = new Random(13);
        foreach (var norm in new[] { (BatchNorm1d)model.Generator[1], (BatchNorm1d)model.Generator[4] })
        {
            foreach (var (tensor, low, high) in new[] { (norm.RunningMean, -0.2f, 0.2f), (norm.RunningVariance, 0.5f, 2f), (norm.Weight!, 0.5f, 1.5f), (norm.Bias!, -0.2f, 0.2f) })
            {
                var values = tensor.AsSpan();
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = low + (high - low) * random.NextSingle();
                }
            }
        }

        var request = new GenerationRequest(4000, Seed: 11, ChunkSize: 512);

        var fast = model.Generate(request);
        var again = model.Generate(request);

        var slow = SlowPath(model, request);
        fast.Generated.Should().Be(4000);
        fast.Decoded.Should().Be(slow.Decoded);
        fast.Unique.Select(c => c.ReducedFormula).Should().Equal(slow.Unique);
        fast.Counts.Should().Equal(slow.Counts);
        fast.FirstIndices.Should().Equal(slow.Firsts);
        fast.UniqueValid.Should().Be(slow.Valid);
        fast.FirstRejectedIndex.Should().Be(slow.FirstRejected);
        again.Unique.Select(c => c.ReducedFormula).Should().Equal(slow.Unique);
        again.Counts.Should().Equal(slow.Counts);
        model.Generator.Training.Should().BeTrue("generation restores the training mode");
    }

    [Fact]
    public void Decode_RandomMatricesWithEdgeValues_MatchesDecodeCountsAndArityRule()
    {
        var random = new Random(5);
        var matrix = new MatGanCountMatrix();
        var elements = matrix.Elements.Select(e => e.AtomicNumber).ToArray();
        var edges = new[] { 0f, 0.19999999f, MatGanCountMatrix.DefaultThreshold, 0.20000002f, 1f, float.NaN, -0f };
        var values = new float[MatGanCountMatrix.Size];
        var (z, n) = (new int[MatGanModel.MaxElements], new int[MatGanModel.MaxElements]);
        var rowCounts = new byte[MatGanCountMatrix.ElementCount];
        var arities = new HashSet<int>();
        for (var trial = 0; trial < 3000; trial++)
        {
            var lit = random.Next(0, 12);
            Array.Clear(values);
            for (var i = 0; i < lit * 3; i++)
            {
                values[random.Next(0, 12) * MatGanCountMatrix.MaxCount + random.Next(0, MatGanCountMatrix.MaxCount)] =
                    edges[random.Next(edges.Length)];
            }

            var arity = MatGanSampler.Decode(values, elements, z, n);

            var present = MatGanCountMatrix.DecodeCounts(values, rowCounts);
            var expected = present < MatGanModel.MinElements ? 0 : present > MatGanModel.MaxElements ? -1 : present;
            arity.Should().Be(expected);
            var rows = Enumerable.Range(0, rowCounts.Length).Where(r => rowCounts[r] > 0).ToArray();
            if (arity > 0)
            {
                z.Take(arity).Should().Equal(rows.Select(r => elements[r]));
                n.Take(arity).Should().Equal(rows.Select(r => (int)rowCounts[r]));
            }

            arities.Add(arity);
        }

        arities.Should().Contain([-1, 0, 2, 8], "the trials cover both rejections and both ends of the arity range");
    }

    /// <summary>
    /// The reference: the same noise streams, then per sample the composition decoder, the arity rule (2–8
    /// elements), reduction, a string-keyed dictionary and the composition overload of the SMACT check.
    /// </summary>
    private static (int Decoded, List<string> Unique, List<int> Counts, List<int> Firsts, int Valid, int FirstRejected) SlowPath(
        MatGanModel model, GenerationRequest request)
    {
        var matrix = new MatGanCountMatrix();
        var validator = new SmactValidator();
        var position = new Dictionary<string, int>();
        var (unique, counts, firsts) = (new List<string>(), new List<int>(), new List<int>());
        var (decoded, valid, firstRejected, index) = (0, 0, -1, 0);
        model.Generator.Eval();
        for (var (start, chunk) = (0, 0); start < request.Count; start += request.ChunkSize, chunk++)
        {
            var size = Math.Min(request.ChunkSize, request.Count - start);
            float[] values;
            using (Tensor.NoGrad())
            {
                values = model.Generator.Forward(Tensor.Randn(StepRandom.For(request.Seed, chunk), size, 128)).ToArray();
            }

            for (var b = 0; b < size; b++, index++)
            {
                var composition = matrix.Decode(values.AsSpan(b * MatGanCountMatrix.Size, MatGanCountMatrix.Size));
                if (composition is null || composition.Arity is < MatGanModel.MinElements or > MatGanModel.MaxElements)
                {
                    firstRejected = firstRejected < 0 ? index : firstRejected;
                    continue;
                }

                decoded++;
                var reduced = composition.Reduced();
                if (position.TryGetValue(reduced.ReducedFormula, out var at))
                {
                    counts[at]++;
                    continue;
                }

                position.Add(reduced.ReducedFormula, unique.Count);
                unique.Add(reduced.ReducedFormula);
                counts.Add(1);
                firsts.Add(index);
                valid += validator.Check(reduced).ElectronegativityBalanced ? 1 : 0;
            }
        }

        model.Generator.Train();
        return (decoded, unique, counts, firsts, valid, firstRejected);
    }
}
