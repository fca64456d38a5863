using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Predictors;

public static class PropertyPredictorExtensions
{
    /// <summary>Predicts a list of compositions into new arrays.</summary>
    public static PredictionBatch Predict(this IPropertyPredictor predictor, IReadOnlyList<Composition> compositions)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(compositions);
        var array = compositions as Composition[] ?? [.. compositions];
        var batch = new PredictionBatch(new double[array.Length], new double[array.Length]);
        predictor.Predict(array, batch.Mean, batch.StandardDeviation);
        return batch;
    }
}
