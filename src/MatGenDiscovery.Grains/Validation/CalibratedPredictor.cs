using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Datasets;
using MatGenDiscovery.Models.Predictors;
using MatGenDiscovery.Models.Predictors.Gbdt;
using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Grains.Validation;

/// <summary>
/// A shared-API <see cref="IPropertyPredictor"/> (a bootstrap <see cref="GbdtPredictor"/> ensemble on Magpie features,
/// trained once) plus the <see cref="LabelCorrection"/> refitted whenever labels change.
/// </summary>
public sealed class CalibratedPredictor
{
    /// <summary>Member k resamples and seeds with <c>seed + k</c>, as the validator always has (campaign digests stay put).</summary>
    private const int MemberSeedStride = 1;

    private readonly IPropertyPredictor _predictor;
    private readonly double[] _featureMean;
    private readonly double[] _featureScale;
    private readonly double _lengthScale;
    private LabelCorrection? _correction;

    private CalibratedPredictor(IPropertyPredictor predictor, double[] featureMean, double[] featureScale, double lengthScale, int trainingRows)
    {
        _predictor = predictor;
        _featureMean = featureMean;
        _featureScale = featureScale;
        _lengthScale = lengthScale;
        TrainingRows = trainingRows;
    }

    public string Property => _predictor.TargetProperty;

    public int TrainingRows { get; }

    /// <summary>Trains on up to <see cref="PredictorConfig.MaxTrainingRows"/> unique compositions of the dataset with the property (a seeded subset).</summary>
    /// <exception cref="ArgumentException">The dataset has no such property, no row has a value, or the ensemble has fewer than 2 members.</exception>
    public static CalibratedPredictor Train(PredictorConfig config, DatasetIndex dataset, int seed)
    {
        if (config.EnsembleSize < 2)
        {
            throw new ArgumentException($"predictor '{config.Property}': an ensemble needs at least 2 members to estimate uncertainty, got {config.EnsembleSize}", nameof(config));
        }

        var rows = TrainingRowsOf(config, dataset, seed);
        if (rows.Count == 0)
        {
            throw new ArgumentException($"no training rows for predictor '{config.Property}' in dataset '{config.Dataset}'", nameof(dataset));
        }

        var features = GbdtFeatureSet.Magpie;
        var x = features.Featurize(rows.Select(r => r.Composition).ToList());
        var options = new GradientBoostingOptions
        {
            NumTrees = config.Trees,
            LearningRate = 0.1,
            MaxLeaves = 31,
            MinSamplesLeaf = Math.Min(20, Math.Max(1, rows.Count / 10)),
        };
        var trainer = new GbdtEnsembleTrainer(options, config.EnsembleSize, bootstrap: true, features) { SeedStride = MemberSeedStride };
        var members = trainer.Train(x, [.. rows.Select(r => r.Value)], [], [], seed);
        var predictor = new GbdtPredictor(config.Property, members, PredictorCalibration.None, null, features);
        var (mean, scale) = Standardisation(x, rows.Count, features.Count);
        return new CalibratedPredictor(predictor, mean, scale, config.CorrectionLengthScale, rows.Count);
    }

    /// <summary>Refits the correction to these labels (all labels so far, not an increment).</summary>
    public void Refit(IReadOnlyList<(Composition Composition, double Value)> labels)
    {
        if (labels.Count == 0)
        {
            _correction = null;
            return;
        }

        var compositions = labels.Select(l => l.Composition).ToList();
        var mean = _predictor.Predict(compositions).Mean;
        var residuals = labels.Select((l, i) => l.Value - mean[i]).ToArray();
        _correction = new LabelCorrection(_featureMean, _featureScale, GbdtFeatureSet.Magpie.Featurize(compositions), residuals, _lengthScale);
    }

    public (double[] Mean, double[] Std) Predict(IReadOnlyList<Composition> compositions)
    {
        var batch = _predictor.Predict(compositions);
        _correction?.Apply(GbdtFeatureSet.Magpie.Featurize(compositions), compositions.Count, batch.Mean, batch.StandardDeviation);
        return (batch.Mean, batch.StandardDeviation);
    }

    private static List<(Composition Composition, double Value)> TrainingRowsOf(PredictorConfig config, DatasetIndex dataset, int seed)
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

        if (rows.Count <= config.MaxTrainingRows)
        {
            return rows;
        }

        var indices = Enumerable.Range(0, rows.Count).ToArray();
        new Random(seed).Shuffle(indices);
        return [.. indices.Take(config.MaxTrainingRows).Order().Select(i => rows[i])];
    }

    /// <summary>Per-feature training mean and population standard deviation (0 for constant features).</summary>
    private static (double[] Mean, double[] Scale) Standardisation(double[] features, int rows, int width)
    {
        var mean = new double[width];
        var scale = new double[width];
        for (var j = 0; j < width; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < rows; i++)
            {
                sum += features[(i * width) + j];
            }

            var mu = sum / rows;
            var squares = 0.0;
            for (var i = 0; i < rows; i++)
            {
                var d = features[(i * width) + j] - mu;
                squares += d * d;
            }

            mean[j] = mu;
            scale[j] = Math.Sqrt(squares / rows);
        }

        return (mean, scale);
    }
}
