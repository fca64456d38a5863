using MatGenDiscovery.Models.Predictors.Evaluation;
using MatGenDiscovery.Models.Predictors.Storage;

namespace MatGenDiscovery.Models.Predictors.Training;

/// <summary>A trained predictor, its held-out evaluation and the manifest describing it (member files still empty).</summary>
public sealed record PredictorTrainingResult(IPropertyPredictor Predictor, PredictorEvaluation Evaluation, PredictorManifest Manifest);
