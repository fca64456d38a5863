using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Generative.CondGan;
using MatGenDiscovery.Models.Generative.Experiments;

namespace MatGenDiscovery.Models.Tests.Generative.CondGan;

public class PropertyHeadComparisonTests
{
    private static CondGanModel TrainedModel()
    {
        var settings = ModelDefaults.Resolve(new ModelConfig
        {
            Kind = ModelKinds.CondGan, TargetProperty = "p", GeneratorLearningRate = 2e-3, CriticLearningRate = 2e-3,
        });
        var model = new CondGanModel(settings, ConditionalToySet.Space, null, new Random(8));
        model.SetTrainingData(ConditionalToySet.Compositions, ConditionalToySet.Targets);
        for (var step = 0; step < 150; step++)
        {
            model.TrainStep(new Random(step), 24);
        }

        return model;
    }

    [Fact]
    public void Compare_ToySet_BothPredictorsSeparateOxidesFromMetals()
    {
        var model = TrainedModel();
        var test = new[] { "MgO", "ZnO", "CuZn", "NiAl" }.Select(Composition.Parse).ToArray();
        double[] truth = [-2, -2, 1, 1];

        var result = PropertyHeadComparison.Compare(model, ConditionalToySet.Compositions, ConditionalToySet.Targets, test, truth, seed: 3, steps: 1500);

        result.Count.Should().Be(4);
        result.PlainSteps.Should().Be(1500);
        // Predicting the mean (−0.5) everywhere would give MAE 1.5.
        result.PlainMae.Should().BeLessThan(0.5);
        result.CriticMae.Should().BeLessThan(1.5);
        result.CriticRmse.Should().BeGreaterThanOrEqualTo(result.CriticMae);
    }

    [Fact]
    public void Compare_HeldOutElementOutsideTheBag_IsSkipped()
    {
        var model = TrainedModel();
        var test = new[] { "MgO", "UO2" }.Select(Composition.Parse).ToArray();

        var result = PropertyHeadComparison.Compare(model, ConditionalToySet.Compositions, ConditionalToySet.Targets, test, [-2, -2], seed: 3, steps: 10);

        result.Count.Should().Be(1);
    }

    [Fact]
    public void Compare_MisalignedTargets_Throws()
    {
        var act = () => PropertyHeadComparison.Compare(
            TrainedModel(), ConditionalToySet.Compositions, ConditionalToySet.Targets, [Composition.Parse("MgO")], [], seed: 3);

        act.Should().Throw<ArgumentException>().WithMessage("*one target per composition*");
    }
}
