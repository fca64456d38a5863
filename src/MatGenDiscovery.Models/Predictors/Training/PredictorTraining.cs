using System.Diagnostics;
using System.Text.Json;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Datasets.Loading;
using MatGenDiscovery.Datasets.Splitting;
using MatGenDiscovery.Models.Predictors.Evaluation;
using MatGenDiscovery.Models.Predictors.Gbdt;
using MatGenDiscovery.Models.Predictors.Mlp;
using MatGenDiscovery.Models.Predictors.Storage;

namespace MatGenDiscovery.Models.Predictors.Training;

/// <summary>
/// Splits a dataset (seeded, by unique composition: test, then validation out of the rest), trains the requested
/// ensemble on the remaining rows, fits the σ scale (and decides the metal gate) on the validation split, and
/// evaluates on the test split. Rows without the target value are dropped first.
/// </summary>
public static class PredictorTraining
{
    private const int MinimumRows = 20;
    private const int SeedStride = 7919;

    /// <summary>
    /// Request kind for the average of a GBDT and an MLP ensemble (<see cref="AveragedPredictor"/>), weighted by
    /// <see cref="AverageWeights"/> on the validation split.
    /// </summary>
    public const string CombinedKind = "gbdt+mlp";

    /// <exception cref="ArgumentException">Unknown target or kind, too few rows, or a classifier requested where it does not apply.</exception>
    public static PredictorTrainingResult Run(
        Dataset dataset, PredictorTrainingRequest request, IProgress<PredictorTrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(request);
        var watch = Stopwatch.StartNew();
        var property = dataset.PropertyIndex(request.Target);
        var rows = dataset.Rows.Where(row => row.Properties[property] is not null);
        var labelled = dataset with { Rows = (request.MaxRows is { } max ? rows.Take(max) : rows).ToList() };
        if (labelled.Rows.Count < MinimumRows)
        {
            throw new ArgumentException(
                $"dataset '{dataset.Name}' has {labelled.Rows.Count} rows with '{request.Target}'; at least {MinimumRows} are needed", nameof(dataset));
        }

        var outer = DatasetSplit.LeaveOut(labelled, request.TestFraction, request.Seed);
        var inner = DatasetSplit.LeaveOut(outer.Train, request.ValidationFraction, unchecked(request.Seed + 1));
        var fit = SplitPart.Of(inner.Train, property);
        var validation = SplitPart.Of(inner.Test, property);
        var test = SplitPart.Of(outer.Test, property);
        var basis = new PredictorCalibration { NonNegative = fit.Targets.All(target => target >= 0) };
        var (predictor, variants) = request.Kind switch
        {
            GbdtPredictor.Kind => TrainGbdt(request, fit, validation, basis, progress),
            MlpPredictor.Kind => (TrainMlp(request, labelled, fit, validation, basis, progress), null),
            CombinedKind => TrainCombined(request, labelled, fit, validation, basis, progress),
            _ => throw new ArgumentException(
                $"unknown model kind '{request.Kind}'; expected {GbdtPredictor.Kind}, {MlpPredictor.Kind} or {CombinedKind}", nameof(request)),
        };

        progress?.Report(new PredictorTrainingProgress("evaluating", 0, 1));
        var evaluation = Evaluate(predictor, variants, fit.Count, validation.Count, test, watch.Elapsed.TotalSeconds);
        var manifest = new PredictorManifest
        {
            Kind = predictor.Name,
            FeatureSetId = predictor.FeatureSetId,
            Target = request.Target,
            Dataset = dataset.Name,
            Seed = request.Seed,
            Config = Config(request),
            Metrics = evaluation,
        };
        return new PredictorTrainingResult(predictor, evaluation, manifest);
    }

    private static (IPropertyPredictor, MetalGateVariants?) TrainGbdt(
        PredictorTrainingRequest request, SplitPart fit, SplitPart validation, PredictorCalibration basis,
        IProgress<PredictorTrainingProgress>? progress)
    {
        var options = request.GbdtOptions;
        if (request.Classifier && !basis.NonNegative)
        {
            throw new ArgumentException($"the metal classifier needs a non-negative band-gap target; '{request.Target}' has negative values", nameof(request));
        }

        progress?.Report(new PredictorTrainingProgress("featurising", 0, 2));
        var features = request.GbdtFeatures;
        var x = features.Featurize(fit.Compositions);
        var validationX = features.Featurize(validation.Compositions);
        progress?.Report(new PredictorTrainingProgress("featurising", 2, 2));
        var trainer = new GbdtEnsembleTrainer(options, request.EnsembleSize, features: features);
        progress?.Report(new PredictorTrainingProgress("training members", 0, request.EnsembleSize));
        var members = trainer.Train(
            x, fit.Targets, validationX, validation.Targets, request.Seed,
            (k, trees) => progress?.Report(new PredictorTrainingProgress("training members", k + 1, request.EnsembleSize, $"{trees} trees")));
        var raw = new GbdtPredictor(request.Target, members, basis, null, features);
        var validationPrediction = raw.Predict(validation.Compositions);
        if (!request.Classifier)
        {
            return (WithFittedScale(raw, validation), null);
        }

        progress?.Report(new PredictorTrainingProgress("training metal classifier", 0, 1));
        var classifier = MetalClassifier.Train(features, x, fit.Targets, validationX, validation.Targets, options);
        var gated = new GbdtPredictor(request.Target, members, basis with { ZeroPredictedMetals = true }, classifier, features);
        var gatedError = RegressionMetrics.Compute(gated.Predict(validation.Compositions).Mean, validation.Targets).MeanAbsoluteError;
        var plainError = RegressionMetrics.Compute(validationPrediction.Mean, validation.Targets).MeanAbsoluteError;
        var withGate = WithFittedScale(gated, validation);
        var withoutGate = WithFittedScale(new GbdtPredictor(request.Target, members, basis, classifier, features), validation);
        return (gatedError < plainError ? withGate : withoutGate, new MetalGateVariants(classifier, withGate, withoutGate));
    }

    /// <summary>The same predictor with σ scaled so that its ±1σ coverage on the validation split is Gaussian.</summary>
    private static GbdtPredictor WithFittedScale(GbdtPredictor predictor, SplitPart validation)
    {
        var prediction = predictor.Predict(validation.Compositions);
        var scale = CalibrationMetrics.FitSigmaScale(prediction.Mean, prediction.StandardDeviation, validation.Targets);
        return new GbdtPredictor(
            predictor.TargetProperty, predictor.Members, predictor.Calibration with { SigmaScale = scale }, predictor.MetalClassifier, predictor.Features);
    }

    private static (IPropertyPredictor, MetalGateVariants?) TrainCombined(
        PredictorTrainingRequest request, Dataset labelled, SplitPart fit, SplitPart validation, PredictorCalibration basis,
        IProgress<PredictorTrainingProgress>? progress)
    {
        var (gbdt, variants) = TrainGbdt(request, fit, validation, basis, progress);
        var mlp = TrainMlp(request with { Classifier = false }, labelled, fit, validation, basis, progress);
        var weights = AverageWeights.Fit([gbdt.Predict(validation.Compositions).Mean, mlp.Predict(validation.Compositions).Mean], validation.Targets);
        var combined = WithFittedScale(new AveragedPredictor([gbdt, mlp], weights: weights), validation);
        var validationError = RegressionMetrics.Compute(combined.Predict(validation.Compositions).Mean, validation.Targets).MeanAbsoluteError;
        progress?.Report(new PredictorTrainingProgress(
            "weighting parts on validation", 1, 1,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"gbdt {weights[0]:F2} / mlp {weights[1]:F2}, validation MAE {validationError:F4}")));
        return (combined, variants is null ? null : variants with
        {
            WithGate = WithFittedScale(new AveragedPredictor([variants.WithGate, mlp], weights: weights), validation),
            WithoutGate = WithFittedScale(new AveragedPredictor([variants.WithoutGate, mlp], weights: weights), validation),
        });
    }

    /// <summary>The average with σ scaled so that its ±1σ coverage on the validation split is Gaussian.</summary>
    private static AveragedPredictor WithFittedScale(AveragedPredictor average, SplitPart validation)
    {
        var prediction = average.Predict(validation.Compositions);
        var scale = CalibrationMetrics.FitSigmaScale(prediction.Mean, prediction.StandardDeviation, validation.Targets);
        return new AveragedPredictor(average.Parts, PredictorCalibration.None with { SigmaScale = scale }, average.Weights);
    }

    private static MlpPredictor TrainMlp(
        PredictorTrainingRequest request, Dataset labelled, SplitPart fit, SplitPart validation, PredictorCalibration basis,
        IProgress<PredictorTrainingProgress>? progress)
    {
        if (request.Classifier)
        {
            throw new ArgumentException($"the metal classifier head is available with --model {GbdtPredictor.Kind} only", nameof(request));
        }

        var encoder = MlpInputEncoder.Fit(labelled.Rows.Select(row => row.Composition), fit.Compositions, request.Mlp.MagpieInputs);
        var mean = fit.Targets.Average();
        var spread = Math.Sqrt(fit.Targets.Average(t => (t - mean) * (t - mean)));
        var scale = spread > 0 ? spread : 1.0;
        var x = encoder.Encode(fit.Compositions);
        var validationX = encoder.Encode(validation.Compositions);
        var y = fit.Targets.Select(t => (float)((t - mean) / scale)).ToArray();
        var validationY = validation.Targets.Select(t => (float)((t - mean) / scale)).ToArray();
        var trainer = new MlpTrainer(request.Mlp);
        var members = new List<NeuralNetworks.Modules.Module>();
        var size = request.MlpEnsembleSize ?? request.EnsembleSize;
        for (var k = 0; k < size; k++)
        {
            var stage = $"training member {k + 1}/{size}";
            members.Add(trainer.Train(
                x, y, validationX, validationY, encoder.Count, unchecked(request.Seed + (SeedStride * k)),
                (epoch, error) => progress?.Report(new PredictorTrainingProgress(stage, epoch, request.Mlp.MaxEpochs, $"validation MAE {error * scale:F4}"))));
        }

        var raw = new MlpPredictor(request.Target, encoder, members, mean, scale, basis, request.Mlp);
        var prediction = raw.Predict(validation.Compositions);
        var sigmaScale = CalibrationMetrics.FitSigmaScale(prediction.Mean, prediction.StandardDeviation, validation.Targets);
        return new MlpPredictor(request.Target, encoder, members, mean, scale, basis with { SigmaScale = sigmaScale }, request.Mlp);
    }

    private static PredictorEvaluation Evaluate(
        IPropertyPredictor predictor, MetalGateVariants? variants, int trainCount, int validationCount, SplitPart test, double seconds)
    {
        var prediction = predictor.Predict(test.Compositions);
        var scale = predictor switch
        {
            GbdtPredictor gbdt => gbdt.Calibration.SigmaScale,
            MlpPredictor mlp => mlp.Calibration.SigmaScale,
            AveragedPredictor average => average.Calibration.SigmaScale,
            _ => 1.0,
        };
        var rawSigma = prediction.StandardDeviation.Select(sigma => sigma / scale).ToArray();
        var metrics = RegressionMetrics.Compute(prediction.Mean, test.Targets);
        var calibrationRaw = CalibrationMetrics.Compute(prediction.Mean, rawSigma, test.Targets);
        var calibrationScaled = CalibrationMetrics.Compute(prediction.Mean, prediction.StandardDeviation, test.Targets) with { SigmaScale = scale };
        ClassificationMetrics? classifier = null;
        RegressionMetrics? withoutGate = null, withGate = null;
        if (variants is not null)
        {
            var probabilities = variants.Classifier.PredictProbability(test.Compositions);
            classifier = ClassificationMetrics.Compute(probabilities, test.Targets.Select(gap => gap <= 0).ToArray());
            withGate = RegressionMetrics.Compute(variants.WithGate.Predict(test.Compositions).Mean, test.Targets);
            withoutGate = RegressionMetrics.Compute(variants.WithoutGate.Predict(test.Compositions).Mean, test.Targets);
        }

        return new PredictorEvaluation(
            trainCount, validationCount, test.Count, metrics, calibrationRaw, calibrationScaled, classifier, withoutGate, withGate, seconds);
    }

    private static JsonElement Config(PredictorTrainingRequest request) =>
        JsonSerializer.SerializeToElement(
            new
            {
                request.EnsembleSize,
                request.MlpEnsembleSize,
                request.TestFraction,
                request.ValidationFraction,
                request.MaxRows,
                Features = request.Kind != MlpPredictor.Kind ? request.GbdtFeatures.Id : null,
                Preset = request.Kind != MlpPredictor.Kind && request.Gbdt is null ? request.GbdtPreset : null,
                Gbdt = request.Kind != MlpPredictor.Kind ? request.GbdtOptions : null,
                Mlp = request.Kind != GbdtPredictor.Kind ? request.Mlp : null,
                request.Classifier,
            },
            PredictorStore.JsonOptions);

    private sealed record MetalGateVariants(MetalClassifier Classifier, IPropertyPredictor WithGate, IPropertyPredictor WithoutGate);

    private sealed record SplitPart(Composition[] Compositions, double[] Targets)
    {
        public int Count => Targets.Length;

        public static SplitPart Of(Dataset dataset, int property) =>
            new([.. dataset.Rows.Select(row => row.Composition)], [.. dataset.Rows.Select(row => row.Properties[property]!.Value)]);
    }
}
