namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>Gradients, starting score, evaluation metric and output transform of one <see cref="GradientBoostingLoss"/>.</summary>
internal abstract class LossFunction
{
    public static LossFunction For(GradientBoostingLoss loss, double huberDelta = 1.0) => loss switch
    {
        GradientBoostingLoss.SquaredError => new SquaredErrorLoss(),
        GradientBoostingLoss.Logistic => new LogisticLoss(),
        GradientBoostingLoss.Huber => new HuberLoss(huberDelta),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss."),
    };

    public static LossFunction For(GradientBoostingOptions options) => For(options.Loss, options.HuberDelta);

    /// <summary>Every hessian is 1, so a histogram bin's hessian sum is its row count.</summary>
    public virtual bool HasUnitHessians => false;

    /// <summary>The output is the raw score (regression), not a transformed one.</summary>
    public virtual bool IsIdentity => false;

    /// <exception cref="ArgumentException">A target is not valid for this loss.</exception>
    public abstract void ValidateTargets(ReadOnlySpan<double> targets, string parameterName);

    /// <summary>The constant raw score minimising the loss over <paramref name="targets"/>.</summary>
    public abstract double BaseScore(ReadOnlySpan<double> targets);

    public abstract void ComputeGradients(ReadOnlySpan<double> rawScores, ReadOnlySpan<double> targets, Span<double> gradients, Span<double> hessians);

    /// <summary>RMSE or mean log loss; lower is better.</summary>
    public abstract double Metric(ReadOnlySpan<double> rawScores, ReadOnlySpan<double> targets);

    public abstract double Transform(double rawScore);
}
