using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Predictors;

/// <summary>
/// Equal-weight average of several predictors of the same property (e.g. GBDT + MLP): μ = Σ μ_p / P and, treating the
/// parts as an equally weighted mixture, σ² = Σ σ_p² / P + Σ (μ_p − μ)² / P; then <see cref="Calibration"/> applies
/// (its σ scale is fitted on the validation split for the average as a whole).
/// </summary>
public sealed class AveragedPredictor : IPropertyPredictor
{
    public const string Kind = "average";

    private readonly IPropertyPredictor[] _parts;

    /// <exception cref="ArgumentException">Fewer than two parts, or parts predicting different properties.</exception>
    public AveragedPredictor(IReadOnlyList<IPropertyPredictor> parts, PredictorCalibration? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count < 2 || parts.Any(part => part.TargetProperty != parts[0].TargetProperty))
        {
            throw new ArgumentException(
                $"An averaged predictor needs at least two parts predicting one property; got {string.Join(", ", parts.Select(p => $"{p.Name}:{p.TargetProperty}"))}.",
                nameof(parts));
        }

        _parts = [.. parts];
        Calibration = calibration ?? PredictorCalibration.None;
    }

    public PredictorCalibration Calibration { get; }

    public string Name => Kind;

    public string TargetProperty => _parts[0].TargetProperty;

    public string FeatureSetId => string.Join("+", _parts.Select(part => part.FeatureSetId));

    public IReadOnlyList<IPropertyPredictor> Parts => _parts;

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
            double sum = 0, variance = 0;
            for (var p = 0; p < _parts.Length; p++)
            {
                sum += means[(p * n) + i];
                variance += sigmas[(p * n) + i] * sigmas[(p * n) + i];
            }

            var average = sum / _parts.Length;
            for (var p = 0; p < _parts.Length; p++)
            {
                var d = means[(p * n) + i] - average;
                variance += d * d;
            }

            mean[i] = average;
            standardDeviation[i] = Math.Sqrt(variance / _parts.Length);
        }

        Calibration.Apply(mean, standardDeviation);
    }
}
