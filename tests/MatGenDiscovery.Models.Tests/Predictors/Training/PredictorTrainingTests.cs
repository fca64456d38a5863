using MatGenDiscovery.Datasets.Loading;
using MatGenDiscovery.Datasets.Splitting;
using MatGenDiscovery.Models.Predictors;
using MatGenDiscovery.Models.Predictors.Evaluation;
using MatGenDiscovery.Models.Predictors.Gbdt;
using MatGenDiscovery.Models.Predictors.Storage;
using MatGenDiscovery.Models.Predictors.Mlp;
using MatGenDiscovery.Models.Predictors.Training;

namespace MatGenDiscovery.Models.Tests.Predictors.Training;

public class PredictorTrainingTests
{
    private static Dataset SyntheticDataset()
    {
        var compositions = SyntheticCompositions.Random(500, seed: 9);
        var rows = compositions.Select((c, i) => new DatasetRow(i + 2, c.Formula, c, [SyntheticCompositions.Property(c), SyntheticCompositions.Gap(c)])).ToList();
        return new Dataset("synthetic", ["property", "gap"], rows, []);
    }

    [Fact]
    public void Run_GbdtWithClassifier_SplitsTrainsAndEvaluates()
    {
        var request = new PredictorTrainingRequest
        {
            Target = "gap", EnsembleSize = 2, Gbdt = TrainedPredictors.SmallOptions, Classifier = true, Seed = 3,
            GbdtFeatures = GbdtFeatureSet.MagpieFractions,
        };
        var progress = new List<PredictorTrainingProgress>();

        var result = PredictorTraining.Run(SyntheticDataset(), request, new InlineProgress(progress.Add));

        var evaluation = result.Evaluation;
        (evaluation.TrainCount + evaluation.ValidationCount + evaluation.TestCount).Should().Be(500);
        evaluation.TestCount.Should().BeInRange(45, 60, "10 % of the unique compositions and their repeats");
        evaluation.Test.MeanAbsoluteError.Should().BeGreaterThan(0).And.BeLessThan(0.5);
        evaluation.Classifier!.RocAuc.Should().BeGreaterThan(0.9);
        evaluation.TestWithMetalGate.Should().NotBeNull();
        evaluation.CalibrationScaled.SigmaScale.Should().BeGreaterThan(0);
        result.Predictor.Should().BeOfType<GbdtPredictor>().Which.MetalClassifier.Should().NotBeNull();
        result.Manifest.Target.Should().Be("gap");
        result.Manifest.FeatureSetId.Should().Be("magpie-fractions-239-v1");
        result.Manifest.Config!.Value.GetProperty("ensembleSize").GetInt32().Should().Be(2);
        progress.Should().Contain(p => p.Stage == "training members" && p.Completed == 2);
    }

    [Fact]
    public void Run_SameSeed_GivesSameMetrics()
    {
        var request = new PredictorTrainingRequest { Target = "property", EnsembleSize = 2, Gbdt = TrainedPredictors.SmallOptions, Seed = 4 };

        var first = PredictorTraining.Run(SyntheticDataset(), request).Evaluation;
        var second = PredictorTraining.Run(SyntheticDataset(), request).Evaluation;

        second.Test.Should().Be(first.Test);
        second.CalibrationRaw.Should().Be(first.CalibrationRaw);
    }

    [Fact]
    public void Run_Mlp_TrainsAnEnsembleOnFractions()
    {
        var request = new PredictorTrainingRequest
        {
            Target = "property", Kind = MlpPredictor.Kind, EnsembleSize = 2,
            Mlp = new MlpOptions { HiddenSizes = [16], MaxEpochs = 5, BatchSize = 64 },
        };

        var result = PredictorTraining.Run(SyntheticDataset(), request);

        result.Predictor.Should().BeOfType<MlpPredictor>().Which.Members.Should().HaveCount(2);
        (result.Evaluation.TrainCount + result.Evaluation.ValidationCount + result.Evaluation.TestCount).Should().Be(500);
        double.IsFinite(result.Evaluation.Test.MeanAbsoluteError).Should().BeTrue();
    }

    [Fact]
    public void Run_GbdtPlusMlp_AveragesBothAndSavesLoadableParts()
    {
        var request = new PredictorTrainingRequest
        {
            Target = "property", Kind = PredictorTraining.CombinedKind, EnsembleSize = 2, Gbdt = TrainedPredictors.SmallOptions,
            Mlp = new MlpOptions { HiddenSizes = [16], MaxEpochs = 3, BatchSize = 64 },
        };
        using var folder = new TemporaryFolder();

        var result = PredictorTraining.Run(SyntheticDataset(), request);
        var written = PredictorStore.Save(folder.Path, result.Predictor, result.Manifest);
        var (loaded, _) = PredictorStore.Load(folder.Path);

        var average = result.Predictor.Should().BeOfType<AveragedPredictor>().Subject;
        average.Parts.Select(p => p.Name).Should().Equal("gbdt", "mlp");
        written.MemberFiles.Should().Equal("part-0-gbdt", "part-1-mlp");
        var compositions = TrainedPredictors.Test;
        var expected = average.Predict(compositions);
        loaded.Predict(compositions).Mean.Should().Equal(expected.Mean);
        loaded.Predict(compositions).StandardDeviation.Should().Equal(expected.StandardDeviation, "the fitted σ scale is saved");
        average.Calibration.SigmaScale.Should().BeGreaterThan(0);
        result.Evaluation.CalibrationScaled.SigmaScale.Should().Be(average.Calibration.SigmaScale);
        var gbdt = average.Parts[0].Predict(compositions);
        var mlp = average.Parts[1].Predict(compositions);
        var (wg, wm) = (average.Weights[0], average.Weights[1]);
        (wg + wm).Should().BeApproximately(1, 1e-12);
        var mixture = (wg * gbdt.Mean[0]) + (wm * mlp.Mean[0]);
        expected.Mean[0].Should().BeApproximately(mixture, 1e-12);
        var (dg, dm) = (gbdt.Mean[0] - mixture, mlp.Mean[0] - mixture);
        expected.StandardDeviation[0].Should().BeApproximately(
            average.Calibration.SigmaScale
                * Math.Sqrt((wg * ((gbdt.StandardDeviation[0] * gbdt.StandardDeviation[0]) + (dg * dg))) + (wm * ((mlp.StandardDeviation[0] * mlp.StandardDeviation[0]) + (dm * dm)))),
            1e-12);
    }

    [Fact]
    public void Run_GbdtPlusMlp_WeightsAreChosenOnTheValidationSplit()
    {
        var dataset = SyntheticDataset();
        var request = new PredictorTrainingRequest
        {
            Target = "property", Kind = PredictorTraining.CombinedKind, EnsembleSize = 1, MlpEnsembleSize = 2, Seed = 6,
            Gbdt = TrainedPredictors.SmallOptions, Mlp = new MlpOptions { HiddenSizes = [16], MaxEpochs = 3, BatchSize = 64, MagpieInputs = true },
        };
        var outer = DatasetSplit.LeaveOut(dataset, request.TestFraction, request.Seed);
        var validation = DatasetSplit.LeaveOut(outer.Train, request.ValidationFraction, request.Seed + 1).Test;
        var validationCompositions = validation.Rows.Select(row => row.Composition).ToList();
        var validationTargets = validation.Rows.Select(row => row.Properties[0]!.Value).ToArray();

        var result = PredictorTraining.Run(dataset, request);

        var average = result.Predictor.Should().BeOfType<AveragedPredictor>().Subject;
        var parts = average.Parts.Select(part => part.Predict(validationCompositions).Mean).ToList();
        average.Weights.Should().Equal(AverageWeights.Fit(parts, validationTargets));
        var unscaled = new AveragedPredictor(average.Parts, weights: average.Weights).Predict(validationCompositions);
        average.Calibration.SigmaScale.Should().BeApproximately(
            CalibrationMetrics.FitSigmaScale(unscaled.Mean, unscaled.StandardDeviation, validationTargets), 1e-12, "σ is scaled on the validation split");
        validationCompositions.Select(c => c.Formula).Should().NotIntersectWith(
            outer.Test.Rows.Select(row => row.Composition.Formula), "validation rows come out of the training part");
        var mlp = average.Parts[1].Should().BeOfType<MlpPredictor>().Subject;
        mlp.Members.Should().HaveCount(2);
        mlp.FeatureSetId.Should().EndWith("-magpie-145-v1");
        average.Parts[0].Should().BeOfType<GbdtPredictor>().Which.Members.Should().HaveCount(1);
    }

    [Fact]
    public void Run_ClassifierOnNegativeTarget_Throws()
    {
        var compositions = SyntheticCompositions.Random(100, seed: 1);
        var rows = compositions.Select((c, i) => new DatasetRow(i, c.Formula, c, [SyntheticCompositions.Property(c) - 2])).ToList();
        var request = new PredictorTrainingRequest { Target = "e", Classifier = true, Gbdt = TrainedPredictors.SmallOptions };

        var act = () => PredictorTraining.Run(new Dataset("d", ["e"], rows, []), request);

        act.Should().Throw<ArgumentException>().WithMessage("*non-negative band-gap target*");
    }

    [Fact]
    public void Run_UnknownTarget_ThrowsNamingIt()
    {
        var act = () => PredictorTraining.Run(SyntheticDataset(), new PredictorTrainingRequest { Target = "volume" });

        act.Should().Throw<ArgumentException>().WithMessage("*volume*");
    }

    private sealed class InlineProgress(Action<PredictorTrainingProgress> report) : IProgress<PredictorTrainingProgress>
    {
        public void Report(PredictorTrainingProgress value) => report(value);
    }
}
