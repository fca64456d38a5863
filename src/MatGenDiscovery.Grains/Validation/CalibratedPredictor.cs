using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Datasets;

namespace MatGenDiscovery.Grains.Validation;

/// <summary>A <see cref="PropertyEnsemble"/> trained once, plus the <see cref="LabelCorrection"/> refitted whenever labels change.</summary>
public sealed class CalibratedPredictor : IPropertyModel
{
    private readonly PropertyEnsemble _ensemble;
    private readonly double _lengthScale;
    private LabelCorrection? _correction;

    private CalibratedPredictor(PropertyEnsemble ensemble, double lengthScale, int trainingRows)
    {
        _ensemble = ensemble;
        _lengthScale = lengthScale;
        TrainingRows = trainingRows;
    }

    public string Property => _ensemble.Property;

    public int TrainingRows { get; }

    /// <summary>Trains on up to <see cref="PredictorConfig.MaxTrainingRows"/> unique compositions of the dataset with the property (a seeded subset).</summary>
    /// <exception cref="ArgumentException">The dataset has no such property, or no row has a value.</exception>
    public static CalibratedPredictor Train(PredictorConfig config, DatasetIndex dataset, int seed)
    {
        var column = dataset.Dataset.PropertyIndex(config.Property);
        var seen = new HashSet<CompositionKey>();
        var rows = new List<(Composition Composition, double Value)>();
        foreach (var row in dataset.Dataset.Rows)
        {
            if (row.Properties[column] is { } value && seen.Add(row.Composition.Key))
            {
                rows.Add((row.Composition.Reduced(), value));
            }
        }

        if (rows.Count > config.MaxTrainingRows)
        {
            var indices = Enumerable.Range(0, rows.Count).ToArray();
            new Random(seed).Shuffle(indices);
            rows = indices.Take(config.MaxTrainingRows).Order().Select(i => rows[i]).ToList();
        }

        var ensemble = PropertyEnsemble.Train(
            config.Property, rows.Select(r => r.Composition).ToList(), rows.Select(r => r.Value).ToList(),
            config.EnsembleSize, config.Trees, seed);
        return new CalibratedPredictor(ensemble, config.CorrectionLengthScale, rows.Count);
    }

    /// <summary>Refits the correction to these labels (all labels so far, not an increment).</summary>
    public void Refit(IReadOnlyList<(Composition Composition, double Value)> labels)
    {
        if (labels.Count == 0)
        {
            _correction = null;
            return;
        }

        var features = MagpieMatrix.Build(labels.Select(l => l.Composition).ToList());
        var (mean, _) = _ensemble.PredictFeatures(features, labels.Count);
        var residuals = labels.Select((l, i) => l.Value - mean[i]).ToArray();
        _correction = new LabelCorrection(_ensemble.FeatureMean, _ensemble.FeatureScale, features, residuals, _lengthScale);
    }

    public (double[] Mean, double[] Std) Predict(IReadOnlyList<Composition> compositions)
    {
        var features = MagpieMatrix.Build(compositions);
        var (mean, std) = _ensemble.PredictFeatures(features, compositions.Count);
        _correction?.Apply(features, compositions.Count, mean, std);
        return (mean, std);
    }
}
