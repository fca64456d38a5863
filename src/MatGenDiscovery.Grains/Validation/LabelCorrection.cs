namespace MatGenDiscovery.Grains.Validation;

/// <summary>
/// The cheap per-round refit: an additive kernel correction of a fixed base predictor by the residuals of the
/// revealed labels (Nadaraya–Watson with a prior of weight λ = 1 on "no correction"):
/// <c>mean'(x) = mean(x) + Σ wᵢ rᵢ / (λ + Σ wᵢ)</c>, <c>std'(x) = std(x) · √(λ / (λ + Σ wᵢ))</c>,
/// with <c>rᵢ = yᵢ − mean(xᵢ)</c> and <c>wᵢ = exp(−d²(x, xᵢ) / 2ℓ²)</c>, d² the mean squared difference of
/// standardised Magpie features. A label shifts predictions only near it, and shrinks their uncertainty there;
/// this is how an oracle whose values are systematically offset from the training database (OQMD vs MP) gets learnt
/// from tens of labels, which a full GBDT refit would drown in thousands of training rows.
/// </summary>
public sealed class LabelCorrection
{
    private const double PriorWeight = 1.0;
    private readonly double[] _featureMean;
    private readonly double[] _featureScale;
    private readonly double[] _labelFeatures;
    private readonly double[] _residuals;
    private readonly double _lengthScale;

    /// <param name="labelFeatures">Row-major features of the labelled compositions.</param>
    /// <param name="residuals">True value minus base mean, per label.</param>
    public LabelCorrection(double[] featureMean, double[] featureScale, double[] labelFeatures, double[] residuals, double lengthScale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lengthScale);
        _featureMean = featureMean;
        _featureScale = featureScale;
        _labelFeatures = Standardise(labelFeatures);
        _residuals = residuals;
        _lengthScale = lengthScale;
    }

    public int Labels => _residuals.Length;

    /// <summary>Applies the correction in place to base predictions of <paramref name="rows"/> feature rows.</summary>
    public void Apply(double[] features, int rows, double[] mean, double[] std)
    {
        if (_residuals.Length == 0)
        {
            return;
        }

        var width = _featureMean.Length;
        var z = Standardise(features);
        var denominator = 2 * _lengthScale * _lengthScale;
        for (var i = 0; i < rows; i++)
        {
            var row = z.AsSpan(i * width, width);
            double weights = 0, weighted = 0;
            for (var l = 0; l < _residuals.Length; l++)
            {
                var label = _labelFeatures.AsSpan(l * width, width);
                var squares = 0.0;
                for (var j = 0; j < width; j++)
                {
                    var d = row[j] - label[j];
                    squares += d * d;
                }

                var w = Math.Exp(-(squares / width) / denominator);
                weights += w;
                weighted += w * _residuals[l];
            }

            mean[i] += weighted / (PriorWeight + weights);
            std[i] *= Math.Sqrt(PriorWeight / (PriorWeight + weights));
        }
    }

    private double[] Standardise(double[] features)
    {
        var width = _featureMean.Length;
        var z = new double[features.Length];
        for (var k = 0; k < features.Length; k++)
        {
            var j = k % width;
            z[k] = _featureScale[j] > 0 ? (features[k] - _featureMean[j]) / _featureScale[j] : 0;
        }

        return z;
    }
}
