namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

internal class SquaredErrorLoss : LossFunction
{
    public override bool HasUnitHessians => true;

    public override bool IsIdentity => true;

    public override void ValidateTargets(ReadOnlySpan<double> targets, string parameterName)
    {
        for (var i = 0; i < targets.Length; i++)
        {
            if (!double.IsFinite(targets[i]))
            {
                throw new ArgumentException($"Target {i} is {targets[i]}; regression targets must be finite.", parameterName);
            }
        }
    }

    public override double BaseScore(ReadOnlySpan<double> targets)
    {
        double sum = 0;
        foreach (var target in targets)
        {
            sum += target;
        }

        return sum / targets.Length;
    }

    public override void ComputeGradients(ReadOnlySpan<double> rawScores, ReadOnlySpan<double> targets, Span<double> gradients, Span<double> hessians)
    {
        for (var i = 0; i < targets.Length; i++)
        {
            gradients[i] = rawScores[i] - targets[i];
        }

        hessians[..targets.Length].Fill(1.0);
    }

    public override double Metric(ReadOnlySpan<double> rawScores, ReadOnlySpan<double> targets)
    {
        double sum = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            var error = rawScores[i] - targets[i];
            sum += error * error;
        }

        return Math.Sqrt(sum / targets.Length);
    }

    public override double Transform(double rawScore) => rawScore;
}
