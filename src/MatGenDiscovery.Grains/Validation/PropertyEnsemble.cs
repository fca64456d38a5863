using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Grains.Validation;

/// <summary>
/// A bootstrap ensemble of gradient-boosted trees on Magpie features: member k trains on n rows drawn with
/// replacement by <c>Random(seed + k)</c>. Mean and sample standard deviation over members are the prediction and
/// its (epistemic) uncertainty. Deterministic for the same data, options and seed.
/// </summary>
public sealed class PropertyEnsemble : IPropertyModel
{
    private readonly GradientBoostedTrees[] _members;

    private PropertyEnsemble(string property, GradientBoostedTrees[] members, double[] featureMean, double[] featureScale)
    {
        Property = property;
        _members = members;
        FeatureMean = featureMean;
        FeatureScale = featureScale;
    }

    public string Property { get; }

    public int Size => _members.Length;

    /// <summary>Training-set mean of each Magpie feature (used to standardise distances).</summary>
    public double[] FeatureMean { get; }

    /// <summary>Training-set standard deviation of each feature; 0 for constant features.</summary>
    public double[] FeatureScale { get; }

    /// <exception cref="ArgumentException">Fewer than 2 members, or no training rows.</exception>
    public static PropertyEnsemble Train(
        string property, IReadOnlyList<Composition> compositions, IReadOnlyList<double> targets, int members, int trees, int seed)
    {
        if (members < 2)
        {
            throw new ArgumentException($"an ensemble needs at least 2 members to estimate uncertainty, got {members}", nameof(members));
        }

        if (compositions.Count == 0)
        {
            throw new ArgumentException($"no training rows for predictor '{property}'", nameof(compositions));
        }

        var width = MagpieMatrix.Width;
        var features = MagpieMatrix.Build(compositions);
        var n = compositions.Count;
        var models = new GradientBoostedTrees[members];
        for (var k = 0; k < members; k++)
        {
            var random = new Random(unchecked(seed + k));
            var x = new double[n * width];
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                var row = random.Next(n);
                features.AsSpan(row * width, width).CopyTo(x.AsSpan(i * width, width));
                y[i] = targets[row];
            }

            var options = new GradientBoostingOptions
            {
                NumTrees = trees,
                LearningRate = 0.1,
                MaxLeaves = 31,
                MinSamplesLeaf = Math.Min(20, Math.Max(1, n / 10)),
                Seed = unchecked(seed + k),
            };
            models[k] = new GradientBoostingTrainer(options).Fit<double>(x, width, y).Model;
        }

        var (mean, scale) = Standardisation(features, n, width);
        return new PropertyEnsemble(property, models, mean, scale);
    }

    public (double[] Mean, double[] Std) Predict(IReadOnlyList<Composition> compositions) =>
        PredictFeatures(MagpieMatrix.Build(compositions), compositions.Count);

    public (double[] Mean, double[] Std) PredictFeatures(double[] features, int rows)
    {
        var predictions = _members.Select(m => m.PredictRows<double>(features)).ToArray();
        var mean = new double[rows];
        var std = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var sum = 0.0;
            foreach (var p in predictions)
            {
                sum += p[i];
            }

            var mu = sum / predictions.Length;
            var squares = 0.0;
            foreach (var p in predictions)
            {
                squares += (p[i] - mu) * (p[i] - mu);
            }

            mean[i] = mu;
            std[i] = Math.Sqrt(squares / (predictions.Length - 1));
        }

        return (mean, std);
    }

    private static (double[] Mean, double[] Scale) Standardisation(double[] features, int rows, int width)
    {
        var mean = new double[width];
        var scale = new double[width];
        for (var j = 0; j < width; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < rows; i++)
            {
                sum += features[i * width + j];
            }

            var mu = sum / rows;
            var squares = 0.0;
            for (var i = 0; i < rows; i++)
            {
                var d = features[i * width + j] - mu;
                squares += d * d;
            }

            mean[j] = mu;
            scale[j] = Math.Sqrt(squares / rows);
        }

        return (mean, scale);
    }
}
