using MatGenDiscovery.Models.Generative.CondGan;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Tests.Generative.CondGan;

public class CondGanModelTests
{
    private static CondGanModel Model(bool descriptors = false)
    {
        var space = ConditionalToySet.Space;
        var settings = ModelDefaults.Resolve(new ModelConfig
        {
            Kind = ModelKinds.CondGan, TargetProperty = "p", UseDescriptors = descriptors,
            GeneratorLearningRate = 2e-3, CriticLearningRate = 2e-3,
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
    [InlineData(false)]
    [InlineData(true)]
    public void TrainStep_ToySet_GenerationFollowsTheTarget(bool descriptors)
    {
        var model = Model(descriptors);
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
}
