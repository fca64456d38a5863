using MatGenDiscovery.Models.Generative.CondGan;
using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Tests.Generative.CondGan;

public class CondGanModelTests
{
    private static CondGanModel Model(bool descriptors = false, string? scaling = null, int? maxElements = null, string? conditioning = null)
    {
        var space = ConditionalToySet.Space;
        var settings = ModelDefaults.Resolve(new ModelConfig
        {
            Kind = ModelKinds.CondGan, TargetProperty = "p", UseDescriptors = descriptors,
            GeneratorLearningRate = 2e-3, CriticLearningRate = 2e-3,
            FractionScaling = scaling, MaxGeneratedElements = maxElements, CriticConditioning = conditioning,
        });
        var matrix = descriptors ? DescriptorProjection.Matrix(space.Bag, ConditionalToySet.Compositions) : null;
        return new CondGanModel(settings, space, matrix, new Random(8));
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 57)]
    public void Networks_Batch_HaveSawadaShapes(bool descriptors, int extra)
    {
        var model = Model(descriptors);
        var length = ConditionalToySet.Space.Length;

        model.Generator.Forward(Tensor.Zeros(3, 11)).Shape.Should().Equal(3, length);
        model.Critic.Forward(Tensor.Zeros(3, length + extra)).Shape.Should().Equal(3, 2);
    }

    [Theory]
    [InlineData(false, null, null)]
    [InlineData(true, null, null)]
    [InlineData(false, FractionScalings.PerElement, null)]
    [InlineData(true, FractionScalings.PerElement, null)]
    [InlineData(true, FractionScalings.PerElement, CriticConditionings.Projection)]
    [InlineData(false, FractionScalings.PerElement, CriticConditionings.Concat)]
    public void TrainStep_ToySet_GenerationFollowsTheTarget(bool descriptors, string? scaling, string? conditioning)
    {
        var model = Model(descriptors, scaling, conditioning: conditioning);
        model.SetTrainingData(ConditionalToySet.Compositions, ConditionalToySet.Targets);

        for (var step = 0; step < 300; step++)
        {
            model.TrainStep(new Random(step), 24).Should().OnlyContain(l => float.IsFinite(l));
        }

        var oxides = ConditionalToySet.OxygenShare(model.Generate, ConditionalToySet.OxideTarget, out var oxideSet);
        var metals = ConditionalToySet.OxygenShare(model.Generate, ConditionalToySet.MetalTarget, out _);

        oxideSet.Decoded.Should().BeGreaterThan(0);
        oxides.Should().BeGreaterThan(metals + 0.2);
    }

    [Fact]
    public void SetTrainingData_PerElement_ScalesFromTrainingSetAndSamplesBelowEachMaximum()
    {
        var model = Model(scaling: FractionScalings.PerElement);
        model.SetTrainingData(ConditionalToySet.Compositions, ConditionalToySet.Targets);
        var scales = model.Space.FractionScales!;

        var samples = model.Sample(new Random(1), 50, 0.5f).ToArray();

        scales.Should().HaveCount(model.Space.Length).And.Contain(v => v < 1);
        samples.Select((v, i) => v <= scales[i % scales.Count] + 1e-6f).Should().OnlyContain(ok => ok);
        model.Metadata().Should().ContainKey("fraction_scales");
    }

    [Fact]
    public void Sample_MaxGeneratedElements_KeepsTheLargestValues()
    {
        var capped = Model(maxElements: 3);
        var uncapped = Model();
        var length = ConditionalToySet.Space.Length;

        var kept = capped.Sample(new Random(2), 20, 0.3f).ToArray();
        var full = uncapped.Sample(new Random(2), 20, 0.3f).ToArray();

        for (var b = 0; b < 20; b++)
        {
            var row = kept.AsSpan(b * length, length).ToArray();
            var expected = full.AsSpan(b * length, length).ToArray().OrderDescending().Take(3);
            row.Count(v => v != 0).Should().Be(3);
            row.Where(v => v != 0).Order().Should().Equal(expected.Order());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TrainStep_PropertyLoss_ReachesTheGeneratorThroughTheCritic(bool descriptors)
    {
        var model = Model(descriptors, FractionScalings.PerElement, conditioning: CriticConditionings.Projection);
        model.SetTrainingData(ConditionalToySet.Compositions, ConditionalToySet.Targets);
        var before = model.Generator.StateDict().ToDictionary(p => p.Key, p => p.Value.ToArray());

        model.TrainStep(new Random(4), 16);

        model.Generator.StateDict().Should().OnlyContain(p => !p.Value.ToArray().SequenceEqual(before[p.Key]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(CriticConditionings.Projection)]
    public void TrainStep_SameSeed_SameWeights(string? conditioning)
    {
        CondGanModel Trained()
        {
            var model = Model(true, FractionScalings.PerElement, conditioning: conditioning);
            model.SetTrainingData(ConditionalToySet.Compositions, ConditionalToySet.Targets);
            for (var step = 0; step < 5; step++)
            {
                model.TrainStep(new Random(step), 8);
            }

            return model;
        }

        var first = Trained().State().ToArray();
        var second = Trained().State().ToArray();

        second.Select(p => p.Key).Should().Equal(first.Select(p => p.Key));
        for (var i = 0; i < first.Length; i++)
        {
            second[i].Value.ToArray().Should().Equal(first[i].Value.ToArray(), first[i].Key);
        }
    }

    [Fact]
    public void Checkpoint_ProjectionCritic_RoundTripsWeightsAndSamples()
    {
        var folder = GenerativeTestData.TemporaryFolder();
        try
        {
            var config = new ExperimentConfig
            {
                Name = "projection-round-trip", Seed = 8,
                Model = new ModelConfig
                {
                    Kind = ModelKinds.CondGan, TargetProperty = "formation_energy_per_atom", UseDescriptors = true,
                    FractionScaling = FractionScalings.PerElement, CriticConditioning = CriticConditionings.Projection,
                },
                Data = new DataConfig { Dataset = "compgan" },
                Training = new TrainingConfig { Steps = 2, BatchSize = 8 },
            };
            var model = Model(true, FractionScalings.PerElement, conditioning: CriticConditionings.Projection);
            model.SetTrainingData(ConditionalToySet.Compositions, ConditionalToySet.Targets);
            model.TrainStep(new Random(1), 8);
            var path = Path.Combine(folder, "step-2.safetensors");

            ModelCheckpoint.Save(path, config, model, 2);
            var loaded = (CondGanModel)ModelCheckpoint.Load(path).Model;

            loaded.Critic.Conditioning.Should().Be(CriticConditionings.Projection);
            loaded.Critic.StateDict()["embedding.weight"].ToArray().Should().Equal(model.Critic.StateDict()["embedding.weight"].ToArray());
            loaded.Sample(new Random(3), 10, 0.4f).ToArray().Should().Equal(model.Sample(new Random(3), 10, 0.4f).ToArray());
            loaded.PredictProperty(ConditionalToySet.Compositions).Should().Equal(model.PredictProperty(ConditionalToySet.Compositions));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
