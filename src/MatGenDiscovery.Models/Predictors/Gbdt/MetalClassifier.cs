using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Featurization;
using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Predictors.Gbdt;

/// <summary>Metal vs non-metal head: a logistic GBDT on Magpie features giving P(band gap = 0).</summary>
public sealed class MetalClassifier
{
    private readonly MagpieFeaturizer _featurizer;

    /// <exception cref="ArgumentException">The model is not a logistic model on 145 features.</exception>
    public MetalClassifier(GradientBoostedTrees model, MagpieFeaturizer? featurizer = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Options.Loss != GradientBoostingLoss.Logistic || model.FeatureCount != MagpieFeatureNames.Count)
        {
            throw new ArgumentException(
                $"The metal classifier must be a logistic model on {MagpieFeatureNames.Count} features; got {model.Options.Loss} on {model.FeatureCount}.",
                nameof(model));
        }

        Model = model;
        _featurizer = featurizer ?? MagpieFeaturizer.CreateDefault();
    }

    public GradientBoostedTrees Model { get; }

    /// <summary>Trains on Magpie rows labelled metal (gap ≤ 0) vs non-metal, with early stopping on the validation rows.</summary>
    public static MetalClassifier Train(
        double[] features, ReadOnlySpan<double> bandGaps, double[] validationFeatures, ReadOnlySpan<double> validationBandGaps,
        GradientBoostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var trainer = new GradientBoostingTrainer(options with { Loss = GradientBoostingLoss.Logistic });
        var fit = trainer.Fit<double>(features, MagpieFeatureNames.Count, Labels(bandGaps), validationFeatures, Labels(validationBandGaps));
        return new MetalClassifier(fit.Model);
    }

    /// <summary>1 for a metal (gap ≤ 0), 0 otherwise.</summary>
    public static double[] Labels(ReadOnlySpan<double> bandGaps)
    {
        var labels = new double[bandGaps.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = bandGaps[i] <= 0 ? 1 : 0;
        }

        return labels;
    }

    /// <summary>P(metal) per row of a row-major n × 145 Magpie matrix.</summary>
    public double[] PredictProbability(ReadOnlySpan<double> features) => Model.PredictRows(features);

    public double[] PredictProbability(ReadOnlySpan<Composition> compositions) =>
        PredictProbability(MagpieMatrix.Featurize(_featurizer, compositions.ToArray()));
}
