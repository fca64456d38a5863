namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>Binary log loss on log-odds z: p = σ(z), gradient p − y, hessian p(1 − p).</summary>
internal sealed class LogisticLoss : LossFunction
{
    private const double ProbabilityFloor = 1e-15;
    private const double HessianFloor = 1e-16;

    public override void ValidateTargets(ReadOnlySpan<double> targets, string parameterName)
    {
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] is not (0.0 or 1.0))
            {
                throw new ArgumentException($"Target {i} is {targets[i]}; logistic targets must be 0 or 1.", parameterName);
            }
        }
    }

    public override double BaseScore(ReadOnlySpan<double> targets)
    {
        double positives = 0;
        foreach (var target in targets)
        {
            positives += target;
        }

        var p = Math.Clamp(positives / targets.Length, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }

    public override void ComputeGradients(ReadOnlySpan<double> rawScores, ReadOnlySpan<double> targets, Span<double> gradients, Span<double> hessians)
    {
        for (var i = 0; i < targets.Length; i++)
        {
            var p = Transform(rawScores[i]);
            gradients[i] = p - targets[i];
            hessians[i] = Math.Max(p * (1 - p), HessianFloor);
        }
    }

    public override double Metric(ReadOnlySpan<double> rawScores, ReadOnlySpan<double> targets)
    {
        double sum = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            var p = Math.Clamp(Transform(rawScores[i]), ProbabilityFloor, 1 - ProbabilityFloor);
            sum -= targets[i] == 1.0 ? Math.Log(p) : Math.Log(1 - p);
        }

        return sum / targets.Length;
    }

    public override double Transform(double rawScore) => 1.0 / (1.0 + Math.Exp(-rawScore));
}
