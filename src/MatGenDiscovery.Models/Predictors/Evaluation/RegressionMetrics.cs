namespace MatGenDiscovery.Models.Predictors.Evaluation;

/// <summary>MAE, RMSE and R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² over <see cref="Count"/> points, in the target's units.</summary>
public sealed record RegressionMetrics(int Count, double MeanAbsoluteError, double RootMeanSquaredError, double RSquared)
{
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static RegressionMetrics Compute(ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets)
    {
        MetricGuards.SameNonEmpty(predictions.Length, targets.Length, nameof(predictions));
        var n = targets.Length;
        double absolute = 0, squared = 0, targetSum = 0;
        for (var i = 0; i < n; i++)
        {
            var error = predictions[i] - targets[i];
            absolute += Math.Abs(error);
            squared += error * error;
            targetSum += targets[i];
        }

        var targetMean = targetSum / n;
        var total = 0.0;
        foreach (var target in targets)
        {
            total += (target - targetMean) * (target - targetMean);
        }

        var rSquared = total > 0 ? 1 - (squared / total) : double.NaN;
        return new RegressionMetrics(n, absolute / n, Math.Sqrt(squared / n), rSquared);
    }
}
