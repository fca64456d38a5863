namespace MatGenDiscovery.Models.Predictors.Evaluation;

/// <summary>
/// How well ensemble standard deviations cover the errors: the share of points with |y − μ| ≤ s·σ and ≤ 2s·σ
/// (ideal for Gaussian errors: 0.683 and 0.954), where s is <see cref="SigmaScale"/> (1 = raw ensemble σ).
/// </summary>
public sealed record CalibrationMetrics(int Count, double WithinOneSigma, double WithinTwoSigma, double SigmaScale)
{
    public const double GaussianOneSigma = 0.6826894921370859;
    public const double GaussianTwoSigma = 0.9544997361036416;

    /// <exception cref="ArgumentException">The spans differ in length or are empty, or the scale is not positive.</exception>
    public static CalibrationMetrics Compute(
        ReadOnlySpan<double> mean, ReadOnlySpan<double> standardDeviation, ReadOnlySpan<double> targets, double sigmaScale = 1.0)
    {
        MetricGuards.SameNonEmpty(mean.Length, targets.Length, nameof(mean));
        MetricGuards.SameNonEmpty(standardDeviation.Length, targets.Length, nameof(standardDeviation));
        if (!(sigmaScale > 0) || !double.IsFinite(sigmaScale))
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaScale), sigmaScale, "The σ scale must be positive and finite.");
        }

        int one = 0, two = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            var error = Math.Abs(targets[i] - mean[i]);
            var sigma = sigmaScale * standardDeviation[i];
            one += error <= sigma ? 1 : 0;
            two += error <= 2 * sigma ? 1 : 0;
        }

        return new CalibrationMetrics(targets.Length, (double)one / targets.Length, (double)two / targets.Length, sigmaScale);
    }

    /// <summary>
    /// Post-hoc scale s making the ±1σ coverage Gaussian on the given (validation) points: the 68.27 % quantile of
    /// |y − μ| / σ. Returns 1 when that is undefined (e.g. σ = 0 for most points).
    /// </summary>
    public static double FitSigmaScale(ReadOnlySpan<double> mean, ReadOnlySpan<double> standardDeviation, ReadOnlySpan<double> targets)
    {
        MetricGuards.SameNonEmpty(mean.Length, targets.Length, nameof(mean));
        MetricGuards.SameNonEmpty(standardDeviation.Length, targets.Length, nameof(standardDeviation));
        var ratios = new double[targets.Length];
        for (var i = 0; i < ratios.Length; i++)
        {
            var error = Math.Abs(targets[i] - mean[i]);
            ratios[i] = standardDeviation[i] > 0 ? error / standardDeviation[i] : error == 0 ? 0 : double.PositiveInfinity;
        }

        Array.Sort(ratios);
        var index = Math.Min(ratios.Length - 1, (int)Math.Ceiling(GaussianOneSigma * ratios.Length) - 1);
        var scale = ratios[Math.Max(index, 0)];
        return scale > 0 && double.IsFinite(scale) ? scale : 1.0;
    }
}
