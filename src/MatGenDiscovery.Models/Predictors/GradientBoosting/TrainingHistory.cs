namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>
/// Metric (RMSE or log loss) after each boosting round; <c>TrainMetric[i]</c> is after tree i + 1.
/// <see cref="BestTreeCount"/> is the number of trees kept in the model.
/// </summary>
public sealed record TrainingHistory(
    IReadOnlyList<double> TrainMetric,
    IReadOnlyList<double>? ValidationMetric,
    int BestTreeCount,
    bool StoppedEarly);
