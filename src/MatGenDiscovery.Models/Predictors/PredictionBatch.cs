namespace MatGenDiscovery.Models.Predictors;

/// <summary>Predictions for n compositions: ensemble mean and standard deviation, aligned with the input.</summary>
public sealed record PredictionBatch(double[] Mean, double[] StandardDeviation)
{
    public int Count => Mean.Length;
}
