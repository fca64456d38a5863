using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.MatGan;
using MatGenDiscovery.Models.Generative.Sampling;
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

    [Fact]
    public void Generate_WithTarget_Throws()
    {
        var act = () => Model().Generate(new GenerationRequest(10, 1, Target: 1.0));

        act.Should().Throw<ArgumentException>().WithMessage("*unconditional*");
    }
}
