using MatGenDiscovery.Models.Generative.CondGan;
using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Tests.Generative.CondGan;

public class CondGanModelTests
{
    private static CondGanModel Model(bool descriptors = false, string? scaling = null, int? maxElements = null)
    {
        var space = ConditionalToySet.Space;
        var settings = ModelDefaults.Resolve(new ModelConfig
        {
            Kind = ModelKinds.CondGan, TargetProperty = "p", UseDescriptors = descriptors,
            GeneratorLearningRate = 2e-3, CriticLearningRate = 2e-3,
            FractionScaling = scaling, MaxGeneratedElements = maxElements,
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
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(false, FractionScalings.PerElement)]
    [InlineData(true, FractionScalings.PerElement)]
    public void TrainStep_ToySet_GenerationFollowsTheTarget(bool descriptors, string? scaling)
    {
        var model = Model(descriptors, scaling);
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
}
