using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Predictors;

/// <summary>
/// Weighted average of several predictors of the same property (e.g. GBDT + MLP): with weights w_p (Σ w_p = 1; equal
/// unless given, e.g. fitted on the validation split by <see cref="AverageWeights"/>), μ = Σ w_p μ_p and, treating the
/// parts as a mixture, σ² = Σ w_p σ_p² + Σ w_p (μ_p − μ)²; then <see cref="Calibration"/> applies (its σ scale is
/// fitted on the validation split for the average as a whole).
/// </summary>
public sealed class AveragedPredictor : IPropertyPredictor
{
    public const string Kind = "average";

    private readonly IPropertyPredictor[] _parts;
    private readonly double[] _weights;

    /// <param name="weights">One non-negative weight per part, normalised to sum 1; null for equal weights.</param>
    /// <exception cref="ArgumentException">
    /// Fewer than two parts, parts predicting different properties, or weights that are not one finite non-negative
    /// value per part with a positive sum.
    /// </exception>
    public AveragedPredictor(IReadOnlyList<IPropertyPredictor> parts, PredictorCalibration? calibration = null, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count < 2 || parts.Any(part => part.TargetProperty != parts[0].TargetProperty))
        {
            throw new ArgumentException(
                $"An averaged predictor needs at least two parts predicting one property; got {string.Join(", ", parts.Select(p => $"{p.Name}:{p.TargetProperty}"))}.",
                nameof(parts));
        }

        _parts = [.. parts];
        _weights = Normalise(weights, parts.Count);
        Calibration = calibration ?? PredictorCalibration.None;
    }

    public PredictorCalibration Calibration { get; }

    public string Name => Kind;

    public string TargetProperty => _parts[0].TargetProperty;

    public string FeatureSetId => string.Join("+", _parts.Select(part => part.FeatureSetId));

    public IReadOnlyList<IPropertyPredictor> Parts => _parts;

    /// <summary>Weight of each part, summing to 1.</summary>
    public IReadOnlyList<double> Weights => _weights;

    public string? Unsupported(Composition composition) =>
        _parts.Select(part => part.Unsupported(composition)).FirstOrDefault(reason => reason is not null);

    public void Predict(ReadOnlySpan<Composition> compositions, Span<double> mean, Span<double> standardDeviation)
    {
        PredictionGuards.CheckLengths(compositions.Length, mean.Length, standardDeviation.Length);
        var n = compositions.Length;
        var means = new double[_parts.Length * n];
        var sigmas = new double[_parts.Length * n];
        for (var p = 0; p < _parts.Length; p++)
        {
            _parts[p].Predict(compositions, means.AsSpan(p * n, n), sigmas.AsSpan(p * n, n));
        }

        for (var i = 0; i < n; i++)
        {
            double average = 0, variance = 0;
            for (var p = 0; p < _parts.Length; p++)
            {
                average += _weights[p] * means[(p * n) + i];
                variance += _weights[p] * sigmas[(p * n) + i] * sigmas[(p * n) + i];
            }

            for (var p = 0; p < _parts.Length; p++)
            {
                var d = means[(p * n) + i] - average;
                variance += _weights[p] * d * d;
            }

            mean[i] = average;
            standardDeviation[i] = Math.Sqrt(variance);
        }

        Calibration.Apply(mean, standardDeviation);
    }

    private static double[] Normalise(IReadOnlyList<double>? weights, int parts)
    {
        if (weights is null)
        {
            return Enumerable.Repeat(1.0 / parts, parts).ToArray();
        }

        var sum = weights.Sum();
        if (weights.Count != parts || weights.Any(w => !double.IsFinite(w) || w < 0) || !(sum > 0))
        {
            throw new ArgumentException(
                $"An averaged predictor of {parts} parts needs {parts} finite non-negative weights with a positive sum; got [{string.Join(", ", weights)}].",
                nameof(weights));
        }

        return [.. weights.Select(w => w / sum)];
    }
}
