using System.Globalization;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Recovery of the training set and of the held-out set. MatGAN's generalisation check: a model that only memorises
/// recovers training compositions far more often than held-out ones; a generalising one recovers both at similar rates.
/// </summary>
public sealed record RecoveryResult(SetRecovery Training, SetRecovery LeaveOut)
{
    /// <summary>Leave-out share minus training share: negative when the training set is recovered more often.</summary>
    public double Gap => LeaveOut.Share - Training.Share;

    /// <summary>
    /// The standard error of <see cref="Gap"/> under the hypothesis that both sets are recovered at one rate (the pooled
    /// two-proportion z-test's), so |Gap| within about two of these is sampling noise rather than memorisation.
    /// </summary>
    public double GapStandardError
    {
        get
        {
            if (Training.Size == 0 || LeaveOut.Size == 0)
            {
                return 0;
            }

            var pooled = (double)(Training.Recovered + LeaveOut.Recovered) / (Training.Size + LeaveOut.Size);
            return Math.Sqrt(pooled * (1 - pooled) * (1.0 / Training.Size + 1.0 / LeaveOut.Size));
        }
    }

    /// <summary>The gap and its standard error in percentage points, e.g. <c>-0.19 ± 0.26 points</c> (invariant culture).</summary>
    public string GapInPoints() =>
        string.Create(CultureInfo.InvariantCulture, $"{Gap * 100:+0.00;-0.00} ± {GapStandardError * 100:0.00} points");
}
