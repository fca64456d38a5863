namespace MatGenDiscovery.Models.Predictors.Evaluation;

/// <summary>
/// Held-out results of a trained predictor. <see cref="CalibrationRaw"/> uses the raw ensemble σ;
/// <see cref="CalibrationScaled"/> uses σ times the scale fitted on the validation split. With a metal classifier,
/// <see cref="Classifier"/> scores P(metal) on the test split and the two MAE variants show the effect of zeroing
/// the gap of predicted metals (<see cref="Test"/> is whichever the saved predictor applies).
/// </summary>
public sealed record PredictorEvaluation(
    int TrainCount,
    int ValidationCount,
    int TestCount,
    RegressionMetrics Test,
    CalibrationMetrics CalibrationRaw,
    CalibrationMetrics CalibrationScaled,
    ClassificationMetrics? Classifier,
    RegressionMetrics? TestWithoutMetalGate,
    RegressionMetrics? TestWithMetalGate,
    double TrainingSeconds);
