namespace MatGenDiscovery.Models.Predictors;

/// <summary>
/// Post-processing of ensemble outputs: σ ← <see cref="SigmaScale"/>·σ (fitted post hoc on the validation split; 1 = raw),
/// μ ← max(μ, 0) when <see cref="NonNegative"/> (band gaps), and zeroing of predicted metals' gaps when a metal
/// classifier is present and <see cref="ZeroPredictedMetals"/> is set.
/// </summary>
public sealed record PredictorCalibration
{
    public static PredictorCalibration None { get; } = new();

    public double SigmaScale { get; init => field = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(SigmaScale), value, "SigmaScale must be positive and finite."); } = 1.0;

    public bool NonNegative { get; init; }

    public bool ZeroPredictedMetals { get; init; }

    public void Apply(Span<double> mean, Span<double> standardDeviation)
    {
        for (var i = 0; i < mean.Length; i++)
        {
            mean[i] = NonNegative ? Math.Max(mean[i], 0.0) : mean[i];
            standardDeviation[i] *= SigmaScale;
        }
    }
}
