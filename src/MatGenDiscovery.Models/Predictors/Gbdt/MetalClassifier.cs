using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Predictors.Gbdt;

/// <summary>Metal vs non-metal head: a logistic GBDT on a <see cref="GbdtFeatureSet"/> giving P(band gap = 0).</summary>
public sealed class MetalClassifier
{
    /// <exception cref="ArgumentException">The model is not a logistic model on 145 features.</exception>
    /// <exception cref="ArgumentException">The model is not a logistic model on the feature set's columns.</exception>
    public MetalClassifier(GradientBoostedTrees model, GbdtFeatureSet? features = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Features = features ?? GbdtFeatureSet.Magpie;
        if (model.Options.Loss != GradientBoostingLoss.Logistic || model.FeatureCount != Features.Count)
        {
            throw new ArgumentException(
                $"The metal classifier must be a logistic model on the {Features.Count} features of '{Features.Id}'; got {model.Options.Loss} on {model.FeatureCount}.",
                nameof(model));
        }

        Model = model;
    }

    public GradientBoostedTrees Model { get; }

    public GbdtFeatureSet Features { get; }

    /// <summary>Trains on feature rows labelled metal (gap ≤ 0) vs non-metal, tracking (and, if the options say so, early-stopping on) the validation rows.</summary>
    public static MetalClassifier Train(
        GbdtFeatureSet featureSet, double[] features, ReadOnlySpan<double> bandGaps, double[] validationFeatures, ReadOnlySpan<double> validationBandGaps,
        GradientBoostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(featureSet);
        ArgumentNullException.ThrowIfNull(options);
        var trainer = new GradientBoostingTrainer(options with { Loss = GradientBoostingLoss.Logistic });
        var fit = validationBandGaps.Length > 0
            ? trainer.Fit<double>(features, featureSet.Count, Labels(bandGaps), validationFeatures, Labels(validationBandGaps))
            : trainer.Fit<double>(features, featureSet.Count, Labels(bandGaps));
        return new MetalClassifier(fit.Model, featureSet);
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

    /// <summary>P(metal) per row of a row-major feature matrix.</summary>
    public double[] PredictProbability(ReadOnlySpan<double> features) => Model.PredictRows(features);

    public double[] PredictProbability(ReadOnlySpan<Composition> compositions) =>
        PredictProbability(Features.Featurize(compositions.ToArray()));
}
