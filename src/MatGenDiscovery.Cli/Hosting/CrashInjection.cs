using System.Diagnostics;
using System.Globalization;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Grains.Contracts.Campaigns;

namespace MatGenDiscovery.Cli.Hosting;

/// <summary>
/// Crash testing: with <c>MATGEN_KILL_AFTER_ROUND=N</c> in its environment, <c>matgen campaign start</c> kills its own
/// process (SIGKILL, as <c>kill -9</c> would: no cleanup, the lease left to go stale) right after round N is committed
/// and reported. Recovery tests stop a host at a known round this way however fast the rounds run; waiting for a round
/// line and then killing from outside raced with short rounds.
/// </summary>
internal static class CrashInjection
{
    public const string Variable = "MATGEN_KILL_AFTER_ROUND";

    /// <exception cref="CliException">The variable is set but not a whole number ≥ 1.</exception>
    public static Action<CampaignStatus> KillAfterRound(Action<CampaignStatus> progress)
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(value))
        {
            return progress;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var round) || round < 1)
        {
            throw new CliException($"environment variable {Variable} must be a round number ≥ 1; got '{value}'");
        }

        return status =>
        {
            progress(status);
            if (status.RoundsCompleted >= round && status.Phase != CampaignPhase.Completed)
            {
                Process.GetCurrentProcess().Kill();
            }
        };
    }
}
