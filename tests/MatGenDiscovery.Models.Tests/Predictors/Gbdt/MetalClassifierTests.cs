using MatGenDiscovery.Models.Predictors;
using MatGenDiscovery.Models.Predictors.Evaluation;
using MatGenDiscovery.Models.Predictors.Gbdt;

namespace MatGenDiscovery.Models.Tests.Predictors.Gbdt;

public class MetalClassifierTests
{
    [Fact]
    public void Train_ToyMetalProblem_SeparatesMetalsFromInsulators()
    {
        var featurizer = GbdtFeatureSet.Magpie;
        var train = TrainedPredictors.Train;
        var validation = SyntheticCompositions.Random(100, seed: 3);
        var test = TrainedPredictors.Test;

        var classifier = MetalClassifier.Train(
            featurizer, featurizer.Featurize(train), train.Select(SyntheticCompositions.Gap).ToArray(),
            featurizer.Featurize(validation), validation.Select(SyntheticCompositions.Gap).ToArray(),
            TrainedPredictors.SmallOptions);
        var metrics = ClassificationMetrics.Compute(
            classifier.PredictProbability(test), test.Select(c => SyntheticCompositions.Gap(c) <= 0).ToArray());

        metrics.Accuracy.Should().BeGreaterThan(0.9);
        metrics.RocAuc.Should().BeGreaterThan(0.95);
    }

    [Fact]
    public void Labels_ZeroGapIsMetal()
    {
        MetalClassifier.Labels([0.0, 1.2, 0.0]).Should().Equal(1, 0, 1);
    }

    [Fact]
    public void Predict_WithMetalGate_ZeroesPredictedMetalsOnly()
    {
        var featurizer = GbdtFeatureSet.Magpie;
        var train = TrainedPredictors.Train;
        var gaps = train.Select(SyntheticCompositions.Gap).ToArray();
        var x = featurizer.Featurize(train);
        var classifier = MetalClassifier.Train(featurizer, x, gaps, [], [], TrainedPredictors.SmallOptions);
        var members = new GbdtEnsembleTrainer(TrainedPredictors.SmallOptions, 2).Train(x, gaps, [], [], seed: 1);
        var gated = new GbdtPredictor("band_gap", members, new PredictorCalibration { ZeroPredictedMetals = true, NonNegative = true }, classifier);
        var plain = new GbdtPredictor("band_gap", members, new PredictorCalibration { NonNegative = true }, classifier);
        var test = TrainedPredictors.Test;

        var metal = classifier.PredictProbability(test);
        var gatedMean = gated.Predict(test).Mean;
        var plainMean = plain.Predict(test).Mean;

        for (var i = 0; i < test.Length; i++)
        {
            gatedMean[i].Should().Be(metal[i] > 0.5 ? 0 : plainMean[i]);
        }

        plainMean.Should().OnlyContain(m => m >= 0, "band gaps are clipped at zero");
    }
}
