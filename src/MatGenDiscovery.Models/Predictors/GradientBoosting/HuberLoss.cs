namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>
/// LightGBM-style Huber regression: gradient clip(ŷ − y, −δ, δ), hessian 1, so a leaf value is the (shrunk) mean of
/// clipped residuals. The base score is the median and the metric is the mean absolute error, the quantity the
/// property predictors are judged on.
/// </summary>
internal sealed class HuberLoss : SquaredErrorLoss
{
    private readonly double _delta;

    public HuberLoss(double delta)
    {
        if (!(delta > 0) || !double.IsFinite(delta))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "The Huber δ must be a finite number > 0.");
        }

        _delta = delta;
    }

    public override double BaseScore(ReadOnlySpan<double> targets)
    {
        var sorted = targets.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
    }

    public override void ComputeGradients(ReadOnlySpan<double> rawScores, ReadOnlySpan<double> targets, Span<double> gradients, Span<double> hessians)
    {
        for (var i = 0; i < targets.Length; i++)
        {
            gradients[i] = Math.Clamp(rawScores[i] - targets[i], -_delta, _delta);
        }

        hessians[..targets.Length].Fill(1.0);
    }

    public override double Metric(ReadOnlySpan<double> rawScores, ReadOnlySpan<double> targets)
    {
        double sum = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            sum += Math.Abs(rawScores[i] - targets[i]);
        }

        return sum / targets.Length;
    }
}
