namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>
/// Scans one feature's histogram for the best split. Gain (XGBoost's form without γ):
/// ½ [G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ)].
/// </summary>
/// <remarks>
/// When the node has missing values, each threshold is tried with NaN sent left and right, plus the split
/// "all values left, NaN right"; the better direction becomes the default (LightGBM's missing-value handling).
/// Without missing values in the node, unseen NaN follows the child with more training rows.
/// </remarks>
internal sealed class SplitFinder(GradientBoostingOptions options)
{
    private readonly double _lambda = options.L2Regularization;
    private readonly int _minSamplesLeaf = options.MinSamplesLeaf;
    private readonly double _minHessianLeaf = options.MinHessianLeaf;
    private readonly double _minSplitGain = options.MinSplitGain;

    public static double Gain(double leftGradient, double leftHessian, double rightGradient, double rightHessian, double lambda) =>
        0.5 * (Objective(leftGradient, leftHessian, lambda)
               + Objective(rightGradient, rightHessian, lambda)
               - Objective(leftGradient + rightGradient, leftHessian + rightHessian, lambda));

    /// <summary>Newton step −G/(H + λ) before shrinkage.</summary>
    public static double LeafValue(double gradient, double hessian, double lambda) => -gradient / (hessian + lambda);

    public SplitCandidate FindBest(int feature, ReadOnlySpan<HistogramEntry> histogram, double gradient, double hessian, int count)
    {
        var best = SplitCandidate.None with { Gain = _minSplitGain };
        if (count < 2 * _minSamplesLeaf)
        {
            return SplitCandidate.None;
        }

        var nanBin = histogram.Length - 1;
        var nan = histogram[nanBin];
        var parentObjective = Objective(gradient, hessian, _lambda);
        double leftGradient = 0, leftHessian = 0;
        var leftCount = 0;
        for (var bin = 0; bin < nanBin; bin++)
        {
            ref readonly var entry = ref histogram[bin];
            var isLastValueBin = bin == nanBin - 1;
            if (entry.Count == 0 && !isLastValueBin)
            {
                // Same partition as the previous non-empty bin, whose (lower) threshold already competed.
                continue;
            }

            leftGradient += entry.Gradient;
            leftHessian += entry.Hessian;
            leftCount += entry.Count;
            if (nan.Count == 0)
            {
                if (!isLastValueBin)
                {
                    Consider(bin, leftGradient, leftHessian, leftCount, leftCount >= count - leftCount, ref best);
                }

                continue;
            }

            Consider(bin, leftGradient, leftHessian, leftCount, false, ref best);
            if (!isLastValueBin)
            {
                Consider(bin, leftGradient + nan.Gradient, leftHessian + nan.Hessian, leftCount + nan.Count, true, ref best);
            }
        }

        return best.Gain > _minSplitGain ? best with { Feature = feature } : SplitCandidate.None;

        void Consider(int bin, double gl, double hl, int cl, bool defaultLeft, ref SplitCandidate current)
        {
            var cr = count - cl;
            var hr = hessian - hl;
            if (cl < _minSamplesLeaf || cr < _minSamplesLeaf || hl < _minHessianLeaf || hr < _minHessianLeaf)
            {
                return;
            }

            var gain = 0.5 * (Objective(gl, hl, _lambda) + Objective(gradient - gl, hr, _lambda) - parentObjective);
            if (gain > current.Gain)
            {
                current = new SplitCandidate(0, bin, defaultLeft, gain, gl, hl, cl);
            }
        }
    }

    private static double Objective(double gradient, double hessian, double lambda) => gradient * gradient / (hessian + lambda);
}
