namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>
/// A split "bin ≤ <see cref="BinThreshold"/> goes left, NaN goes left iff <see cref="DefaultLeft"/>", with the
/// left child's sums; <see cref="Feature"/> is −1 when no admissible split exists.
/// </summary>
internal readonly record struct SplitCandidate(
    int Feature,
    int BinThreshold,
    bool DefaultLeft,
    double Gain,
    double LeftGradient,
    double LeftHessian,
    int LeftCount)
{
    public static SplitCandidate None { get; } = new(-1, 0, false, double.NegativeInfinity, 0, 0, 0);

    public bool IsValid => Feature >= 0;
}
