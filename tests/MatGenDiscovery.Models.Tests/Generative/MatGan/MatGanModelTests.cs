using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.MatGan;
using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Models.Representations;
using MatGenDiscovery.NeuralNetworks.Layers;

namespace MatGenDiscovery.Models.Tests.Generative.MatGan;

public class MatGanModelTests
{
    private static MatGanModel Model(string network = ModelKinds.MlpNetwork, int seed = 3) =>
        new(ModelDefaults.Resolve(new ModelConfig { Kind = ModelKinds.MatGan, Network = network, CriticLearningRate = 1e-3 }), new Random(seed));

    [Theory]
    [InlineData(ModelKinds.MlpNetwork)]
    [InlineData(ModelKinds.MatGanMpNetwork)]
    public void TrainStep_SmallSet_GivesFiniteLosses(string network)
    {
        var model = Model(network);
        model.SetTrainingData(GenerativeTestData.SmallSet);

        var losses = model.TrainStep(new Random(1), 8);

        losses.Should().HaveCount(model.LossNames.Count).And.OnlyContain(l => float.IsFinite(l));
    }

    [Theory]
    [InlineData(null, 4)]
    [InlineData(CriticNormalizations.Layer, 0)]
    [InlineData(CriticNormalizations.None, 0)]
    public void Constructor_CriticNormalization_DecidesTheConvCriticsBatchNorms(string? normalization, int batchNorms)
    {
        var settings = ModelDefaults.Resolve(
            new ModelConfig { Kind = ModelKinds.MatGan, Network = ModelKinds.MatGanMpNetwork, CriticNormalization = normalization });

        var model = new MatGanModel(settings, new Random(3));

        settings.CriticNormalization.Should().Be(normalization ?? CriticNormalizations.Batch);
        Enumerable.Range(0, model.Critic.Count).Count(i => model.Critic[i] is BatchNorm2d).Should().Be(batchNorms);
        model.SetTrainingData(GenerativeTestData.SmallSet);
        model.TrainStep(new Random(1), 4).Should().OnlyContain(l => float.IsFinite(l));
    }

    [Fact]
    public void Generate_RowSparsemax_DecodesTheCountEachRowChooses()
    {
        var settings = ModelDefaults.Resolve(new ModelConfig
        {
            Kind = ModelKinds.MatGan, Network = ModelKinds.MlpNetwork, GeneratorOutput = GeneratorOutputs.RowSparsemax,
        });
        var model = new MatGanModel(settings, new Random(3));
        // Scores per row are (absent, 1, ..., 8). Every row absent except element row 0 (count 2) and row 7 (count 3).
        var head = (Linear)model.Generator[6];
        head.Weight.AsSpan().Clear();
        var bias = head.Bias!.AsSpan();
        for (var row = 0; row < 85; row++)
        {
            bias[row * 9] = 4f;
        }

        (bias[0], bias[2]) = (0f, 4f);
        (bias[7 * 9], bias[7 * 9 + 3]) = (0f, 4f);

        var set = model.Generate(new GenerationRequest(500, Seed: 5, ChunkSize: 200));

        set.Decoded.Should().Be(500);
        var elements = new MatGanCountMatrix().Elements;
        set.Unique.Should().ContainSingle().Which.ReducedFormula.Should().Be(
            Composition.FromCounts([(elements[0], 2), (elements[7], 3)]).ReducedFormula);
        model.SetTrainingData(GenerativeTestData.SmallSet);
        model.TrainStep(new Random(1), 8).Should().OnlyContain(l => float.IsFinite(l));
    }

    [Fact]
    public void Generate_MoreThanEightRowsLit_CountsTheSamplesAsOverMaxElements()
    {
        var model = Model();
        var head = (Linear)model.Generator[6];
        head.Weight.AsSpan().Clear();
        var bias = head.Bias!.AsSpan();
        bias.Fill(-6f);
        for (var row = 0; row < 9; row++)
        {
            bias[row * 8] = 6f;
        }

        var set = model.Generate(new GenerationRequest(300, Seed: 2, ChunkSize: 128));

        set.Decoded.Should().Be(0);
        set.OverMaxElements.Should().Be(300);
        set.FirstRejectedIndex.Should().Be(0);
    }

    [Fact]
    public void TrainStep_FortySteps_CriticSeparatesRealFromFakeBetterThanAtInit()
    {
        var model = Model();
        model.SetTrainingData(GenerativeTestData.SmallSet);
        var before = model.CriticGap(GenerativeTestData.SmallSet, seed: 9);

        for (var step = 0; step < 40; step++)
        {
            model.TrainStep(new Random(step), 16).Should().OnlyContain(l => float.IsFinite(l));
        }

        model.CriticGap(GenerativeTestData.SmallSet, seed: 9).Should().BeGreaterThan(before + 0.1f);
    }

    [Fact]
    public void Generate_SameSeed_GivesSameCompositionsAndAnotherSeedDiffers()
    {
        var model = Model();
        // An untrained generator lights up every row. Bias the output so that only the counts 1 and 2 of six
        // elements sit at the 0.2 threshold (logit -1.386): each sample then lights a random few of them.
        var bias = ((Linear)model.Generator[6]).Bias!.AsSpan();
        bias.Fill(-6f);
        foreach (var row in new[] { 0, 5, 10, 20, 30, 40 })
        {
            bias[row * 8] = bias[row * 8 + 1] = -1.386f;
        }

        var request = new GenerationRequest(3000, Seed: 5, ChunkSize: 1000);

        var first = model.Generate(request);
        var second = model.Generate(request);
        var other = model.Generate(request with { Seed = 6 });

        first.Generated.Should().Be(3000);
        first.Decoded.Should().BeGreaterThan(300);
        second.Unique.Select(c => c.ReducedFormula).Should().Equal(first.Unique.Select(c => c.ReducedFormula));
        other.Unique.Select(c => c.ReducedFormula).Should().NotEqual(first.Unique.Select(c => c.ReducedFormula));
        first.Unique.Should().OnlyContain(c => c.Arity >= 2 && c.Arity <= 8);
        first.UniqueValid.Should().BeInRange(0, first.Unique.Count);
    }

    private static MatGanModel AveragedModel(int seed = 3) =>
        new(ModelDefaults.Resolve(new ModelConfig
        {
            Kind = ModelKinds.MatGan, Network = ModelKinds.MlpNetwork, CriticLearningRate = 1e-3, GeneratorEmaDecay = 0.9,
        }), new Random(seed));

    [Fact]
    public void TrainStep_WithGeneratorAverage_UpdatesTheAverageOncePerStepAndSamplesFromIt()
    {
        var model = AveragedModel();
        model.SetTrainingData(GenerativeTestData.SmallSet);

        for (var step = 0; step < 4; step++)
        {
            model.TrainStep(new Random(step), 8);
        }

        model.GeneratorAverage!.Updates.Should().Be(4);
        model.SamplingGenerator.Should().BeSameAs(model.GeneratorAverage.Average);
        model.SamplingGenerator[0].Parameters().First().ToArray()
            .Should().NotEqual(model.Generator[0].Parameters().First().ToArray());
        model.State().Select(p => p.Key).Should().Contain("generator_ema.updates").And.Contain(k => k.StartsWith("generator_ema.0."));
    }

    [Fact]
    public void State_WithoutGeneratorAverage_HasNoAverageTensors()
    {
        var model = Model();

        model.GeneratorAverage.Should().BeNull();
        model.SamplingGenerator.Should().BeSameAs(model.Generator);
        model.State().Should().NotContain(p => p.Key.StartsWith("generator_ema", StringComparison.Ordinal));
    }

    [Fact]
    public void TrainStep_WithGeneratorAverageSameSeeds_GivesIdenticalStates()
    {
        float[][] Train()
        {
            var model = AveragedModel(seed: 4);
            model.SetTrainingData(GenerativeTestData.SmallSet);
            for (var step = 0; step < 3; step++)
            {
                model.TrainStep(new Random(10 + step), 8);
            }

            return model.State().Select(p => p.Value.ToArray()).ToArray();
        }

        Train().Should().BeEquivalentTo(Train(), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Generate_WithGeneratorAverage_DecodesTheAveragedGeneratorsOutput()
    {
        var model = AveragedModel();
        // Only the averaged generator is biased towards a few decodable rows; the live one lights up every row.
        var bias = ((Linear)model.SamplingGenerator[6]).Bias!.AsSpan();
        bias.Fill(-6f);
        foreach (var row in new[] { 0, 5, 10, 20, 30, 40 })
        {
            bias[row * 8] = bias[row * 8 + 1] = -1.386f;
        }

        var request = new GenerationRequest(2000, Seed: 5, ChunkSize: 500);

        var averaged = model.Generate(request);
        var live = MatGanSampler.Generate(model.Generator, model.Settings.LatentSize, request);

        averaged.Decoded.Should().BeGreaterThan(200);
        averaged.Unique.Select(c => c.ReducedFormula)
            .Should().Equal(MatGanSampler.Generate(model.SamplingGenerator, model.Settings.LatentSize, request).Unique.Select(c => c.ReducedFormula));
        live.Decoded.Should().NotBe(averaged.Decoded);
    }

    [Fact]
    public void Generate_WithTarget_Throws()
    {
        var act = () => Model().Generate(new GenerationRequest(10, 1, Target: 1.0));

        act.Should().Throw<ArgumentException>().WithMessage("*unconditional*");
    }
}
