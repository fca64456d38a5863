using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Predictors;
using MatGenDiscovery.Models.Predictors.Evaluation;
using MatGenDiscovery.Models.Predictors.Mlp;

namespace MatGenDiscovery.Models.Tests.Predictors.Mlp;

public class MlpPredictorTests
{
    [Fact]
    public void Train_SyntheticProperty_BeatsTheMeanBaseline()
    {
        var test = TrainedPredictors.Test;
        var targets = test.Select(SyntheticCompositions.Property).ToArray();
        var baseline = targets.Select(_ => targets.Average()).ToArray();

        var prediction = TrainedPredictors.Mlp.Predict(test);

        RegressionMetrics.Compute(prediction.Mean, targets).MeanAbsoluteError
            .Should().BeLessThan(0.6 * RegressionMetrics.Compute(baseline, targets).MeanAbsoluteError);
        prediction.StandardDeviation.Should().Contain(sigma => sigma > 0, "members have different seeds");
    }

    [Fact]
    public void Predict_MeanIsMeanOfMembers()
    {
        var test = TrainedPredictors.Test;
        var members = new double[2 * test.Length];

        TrainedPredictors.Mlp.PredictMembers(test, members);
        var mean = TrainedPredictors.Mlp.Predict(test).Mean;

        for (var i = 0; i < test.Length; i++)
        {
            mean[i].Should().BeApproximately((members[i] + members[test.Length + i]) / 2, 1e-9);
        }
    }

    [Fact]
    public void Unsupported_ElementOutsideTheList_GivesReason()
    {
        TrainedPredictors.Mlp.Unsupported(Composition.Parse("LiO")).Should().BeNull();
        TrainedPredictors.Mlp.Unsupported(Composition.Parse("PtO2")).Should().Contain("Pt");
    }

    [Fact]
    public void Encode_WritesAtomicFractionsInElementOrder()
    {
        var encoder = ElementFractionEncoder.FromCompositions([Composition.Parse("Fe2O3"), Composition.Parse("LiF")]);
        var row = new float[encoder.Count];

        encoder.Encode(Composition.Parse("Fe2O3"), row);

        encoder.Elements.Select(e => e.Symbol).Should().Equal("Li", "O", "F", "Fe");
        row.Should().Equal(0f, 0.6f, 0f, 0.4f);
        FeatureSetIds.Fractions(encoder.Elements).Should().Be("fractions-4-v1");
    }
}
