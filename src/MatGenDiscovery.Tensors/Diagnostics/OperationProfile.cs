using System.Globalization;
using System.Text;

namespace MatGenDiscovery.Tensors.Diagnostics;

/// <summary>
/// What <see cref="OperationProfiler"/> recorded: per-operation exclusive totals (most expensive first), the
/// wall-clock time and bytes allocated between start and stop; the remainder is outside any operation.
/// </summary>
public sealed class OperationProfile(IReadOnlyList<OperationStatistics> operations, TimeSpan elapsed, long allocatedBytes)
{
    public IReadOnlyList<OperationStatistics> Operations { get; } = operations;

    public TimeSpan Elapsed { get; } = elapsed;

    public long AllocatedBytes { get; } = allocatedBytes;

    /// <summary>A fixed-width table with totals divided by <paramref name="steps"/> (ms and MB per step).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> is not positive.</exception>
    public string Format(int steps = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        var culture = CultureInfo.InvariantCulture;
        var builder = new StringBuilder();
        builder.AppendLine(culture, $"{"operation",-34} {"calls",8} {"ms",9} {"%",6} {"MB",9}");
        var attributedTicks = 0L;
        var attributedBytes = 0L;
        foreach (var operation in Operations)
        {
            attributedTicks += operation.Time.Ticks;
            attributedBytes += operation.AllocatedBytes;
            AppendRow(builder, operation.Name, operation.Calls / (double)steps, operation.Time, operation.AllocatedBytes, steps);
        }

        AppendRow(builder, "(outside operations)", 0, Elapsed - TimeSpan.FromTicks(attributedTicks), AllocatedBytes - attributedBytes, steps);
        AppendRow(builder, "(total)", 0, Elapsed, AllocatedBytes, steps);
        return builder.ToString();
    }

    private void AppendRow(StringBuilder builder, string name, double calls, TimeSpan time, long bytes, int steps)
    {
        var share = Elapsed > TimeSpan.Zero ? 100.0 * time.Ticks / Elapsed.Ticks : 0.0;
        builder.AppendLine(CultureInfo.InvariantCulture,
            $"{name,-34} {calls,8:F1} {time.TotalMilliseconds / steps,9:F2} {share,6:F1} {bytes / 1e6 / steps,9:F2}");
    }
}
