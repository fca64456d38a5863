using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using MatGenDiscovery.Models.Generative.CondGan;
using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Tests.Generative.CondGan;

public class CondGanModelTests
{
    private static CondGanModel Model(
        bool descriptors = false, string? scaling = null, int? maxElements = null, string? conditioning = null, int? regressorSteps = null,
        int[]? generatorHidden = null, int[]? criticHidden = null, string? output = null)
    {
        var space = ConditionalToySet.Space;
        var settings = ModelDefaults.Resolve(new ModelConfig
        {
            Kind = ModelKinds.CondGan, TargetProperty = "p", UseDescriptors = descriptors,
            GeneratorLearningRate = 2e-3, CriticLearningRate = 2e-3,
            FractionScaling = scaling, MaxGeneratedElements = maxElements, CriticConditioning = conditioning,
            PropertyRegressorSteps = regressorSteps, GeneratorHidden = generatorHidden, CriticHidden = criticHidden,
            GeneratorOutput = output,
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
    [InlineData(GeneratorOutputs.Softmax)]
    [InlineData(GeneratorOutputs.Sparsemax)]
    public void Sample_SimplexOutput_RowsAreCompositionsThatSumToOne(string output)
    {
        var model = Model(scaling: FractionScalings.PerElement, output: output);
        model.SetTrainingData(ConditionalToySet.Compositions, ConditionalToySet.Targets);
        var length = model.Space.Length;

        var samples = model.Sample(new Random(5), 30, 0.4f).ToArray();

        model.Generator[model.Generator.Count - 1].Should().NotBeOfType<MatGenDiscovery.NeuralNetworks.Activations.Sigmoid>();
        for (var b = 0; b < 30; b++)
        {
            samples.AsSpan(b * length, length).ToArray().Sum().Should().BeApproximately(1f, 1e-4f);
        }
    }

    [Theory]
    [InlineData(false, null, null)]
    [InlineData(true, null, null)]
    [InlineData(false, FractionScalings.PerElement, null)]
    [InlineData(true, FractionScalings.PerElement, null)]
    [InlineData(true, FractionScalings.PerElement, CriticConditionings.Projection)]
    [InlineData(false, FractionScalings.PerElement, CriticConditionings.Concat)]
    [InlineData(true, FractionScalings.PerElement, CriticConditionings.Projection, GeneratorOutputs.Softmax)]
    [InlineData(true, FractionScalings.PerElement, CriticConditionings.Projection, GeneratorOutputs.Sparsemax)]
    public void TrainStep_ToySet_GenerationFollowsTheTarget(bool descriptors, string? scaling, string? conditioning, string? output = null)
    {
        var model = Model(descriptors, scaling, conditioning: conditioning, output: output);
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

    [Fact]
    public void SetTrainingData_PropertyRegressor_FitsTheTargetsAndStaysFrozen()
    {
        var model = Model(true, FractionScalings.PerElement, regressorSteps: 300);
        model.SetTrainingData(ConditionalToySet.Compositions, ConditionalToySet.Targets);
        var (fractions, scaled) = model.Space.Encode(ConditionalToySet.Compositions, ConditionalToySet.Targets);
        var features = model.CriticFeatures(Tensor.FromArray(fractions, scaled.Length, model.Space.Length));
        float[] Predict() => model.Regressor!.Forward(features).ToArray();
        var fitted = Predict();
        var before = model.Generator.StateDict()["0.weight"].ToArray();

        for (var step = 0; step < 3; step++)
        {
            model.TrainStep(new Random(step), 16);
        }

        fitted.Zip(scaled, (p, y) => Math.Abs(p - y)).Average().Should().BeLessThan(0.1f);
        Predict().Should().Equal(fitted, "the regressor is frozen while the GAN trains");
        model.Generator.StateDict()["0.weight"].ToArray().Should().NotEqual(before);
        model.State().Select(p => p.Key).Should().Contain(k => k.StartsWith("regressor.", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_PropertyRegressor_KeepsThePublishedInitialisation()
    {
        var published = Model(true).State().Where(p => !p.Key.StartsWith("optimizer", StringComparison.Ordinal)).ToArray();
        var withRegressor = Model(true, regressorSteps: 10).State().ToDictionary(p => p.Key, p => p.Value);

        foreach (var (name, tensor) in published)
        {
            withRegressor[name].ToArray().Should().Equal(tensor.ToArray(), name);
        }
    }

    [Theory]
    [InlineData(false, null, "c2906b88cbb15e0b5d6fcd59f30c546113b54ccc9e447ab9ddfdae3d12fcc8dd")]
    [InlineData(true, CriticConditionings.Projection, "c5d8c84c86772af533db5436caac16a1f163f9f02d8a8be3c05de70950fd63a5")]
    public void Constructor_DefaultWidths_DrawThePublishedWeights(bool descriptors, string? conditioning, string digest)
    {
        var model = Model(descriptors, conditioning: conditioning);
        var bytes = Prefixed("generator", model.Generator).Concat(Prefixed("critic", model.Critic))
            .SelectMany(p => Encoding.UTF8.GetBytes(p.Key).Concat(MemoryMarshal.AsBytes(p.Value.ToArray().AsSpan()).ToArray()))
            .ToArray();

        // Digest of the weights drawn before the widths became configurable (seed 8).
        Convert.ToHexStringLower(SHA256.HashData(bytes)).Should().Be(digest);
    }

    [Fact]
    public void Constructor_HiddenWidths_GiveTheRequestedLayerShapes()
    {
        var model = Model(true, conditioning: CriticConditionings.Projection, generatorHidden: [16, 32, 8], criticHidden: [40, 12]);
        var length = ConditionalToySet.Space.Length;
        var criticInput = length + 57;

        model.Generator.StateDict().ToDictionary(p => p.Key, p => p.Value.Shape).Should().BeEquivalentTo(new Dictionary<string, int[]>
        {
            ["0.weight"] = [16, 11], ["0.bias"] = [16], ["2.weight"] = [32, 16], ["2.bias"] = [32],
            ["4.weight"] = [8, 32], ["4.bias"] = [8], ["6.weight"] = [length, 8], ["6.bias"] = [length],
        });
        model.Critic.StateDict().ToDictionary(p => p.Key, p => p.Value.Shape).Should().BeEquivalentTo(new Dictionary<string, int[]>
        {
            ["trunk.0.weight"] = [40, criticInput], ["trunk.0.bias"] = [40], ["trunk.2.weight"] = [12, 40], ["trunk.2.bias"] = [12],
            ["score.weight"] = [1, 12], ["score.bias"] = [1], ["property.weight"] = [1, 12], ["property.bias"] = [1],
            ["embedding.weight"] = [12, 1], ["embedding.bias"] = [12],
        });
        model.Generator.Forward(Tensor.Zeros(3, 11)).Shape.Should().Equal(3, length);
        model.Critic.Forward(Tensor.Zeros(3, criticInput), Tensor.Zeros(3, 1)).Shape.Should().Equal(3, 2);
    }

    [Fact]
    public void Checkpoint_WidenedModel_ReloadsToIdenticalSamples()
    {
        var folder = GenerativeTestData.TemporaryFolder();
        try
        {
            int[] generatorHidden = [48, 96, 48];
            int[] criticHidden = [96, 48];
            var config = new ExperimentConfig
            {
                Name = "widened-round-trip", Seed = 8,
                Model = new ModelConfig
                {
                    Kind = ModelKinds.CondGan, TargetProperty = "formation_energy_per_atom",
                    CriticConditioning = CriticConditionings.Projection, GeneratorHidden = generatorHidden, CriticHidden = criticHidden,
                },
                Data = new DataConfig { Dataset = "compgan" },
                Training = new TrainingConfig { Steps = 3, BatchSize = 8 },
            };
            var model = Model(conditioning: CriticConditionings.Projection, generatorHidden: generatorHidden, criticHidden: criticHidden);
            model.SetTrainingData(ConditionalToySet.Compositions, ConditionalToySet.Targets);
            for (var step = 0; step < 3; step++)
            {
                model.TrainStep(new Random(step), 8).Should().OnlyContain(l => float.IsFinite(l));
            }

            var path = Path.Combine(folder, "step-3.safetensors");

            ModelCheckpoint.Save(path, config, model, 3);
            var checkpoint = ModelCheckpoint.Load(path);
            var loaded = (CondGanModel)checkpoint.Model;

            checkpoint.Config.Model.GeneratorHidden.Should().Equal(generatorHidden);
            loaded.Settings.CriticHidden.Should().Equal(criticHidden);
            var expected = model.State().ToArray();
            loaded.State().Select(p => p.Key).Should().Equal(expected.Select(p => p.Key));
            foreach (var (name, tensor) in expected)
            {
                loaded.State().Single(p => p.Key == name).Value.ToArray().Should().Equal(tensor.ToArray(), name);
            }

            loaded.Sample(new Random(3), 10, 0.4f).ToArray().Should().Equal(model.Sample(new Random(3), 10, 0.4f).ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Checkpoint_PropertyRegressor_RoundTripsItsWeights()
    {
        var folder = GenerativeTestData.TemporaryFolder();
        try
        {
            var config = new ExperimentConfig
            {
                Name = "regressor-round-trip", Seed = 8,
                Model = new ModelConfig { Kind = ModelKinds.CondGan, TargetProperty = "formation_energy_per_atom", PropertyRegressorSteps = 20 },
                Data = new DataConfig { Dataset = "compgan" },
                Training = new TrainingConfig { Steps = 2, BatchSize = 8 },
            };
            var model = Model(regressorSteps: 20);
            model.SetTrainingData(ConditionalToySet.Compositions, ConditionalToySet.Targets);
            var path = Path.Combine(folder, "step-1.safetensors");

            ModelCheckpoint.Save(path, config, model, 1);
            var loaded = (CondGanModel)ModelCheckpoint.Load(path).Model;

            loaded.Regressor!.StateDict()["4.weight"].ToArray().Should().Equal(model.Regressor!.StateDict()["4.weight"].ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<KeyValuePair<string, Tensor>> Prefixed(string prefix, Module module) =>
        module.StateDict().Select(p => KeyValuePair.Create($"{prefix}.{p.Key}", p.Value));
}
