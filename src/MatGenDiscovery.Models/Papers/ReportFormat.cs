using System.Globalization;

namespace MatGenDiscovery.Models.Papers;

/// <summary>Number formatting shared by the report's tables and captions (invariant culture).</summary>
internal static class ReportFormat
{
    public static string Percent(double share, int decimals = 1) =>
        (100 * share).ToString($"F{decimals}", CultureInfo.InvariantCulture) + "%";

    /// <summary>Four significant digits; negative zero is written as 0.</summary>
    public static string Number(double value) => (value == 0 ? 0 : value).ToString("G4", CultureInfo.InvariantCulture);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"mean ± std" over the values (sample standard deviation); a single value has no spread: "x (1 seed)".</summary>
    public static string MeanStd(IReadOnlyList<double> values, string format = "F3")
    {
        if (values.Count == 0)
        {
            return "–";
        }

        var mean = values.Average();
        if (values.Count == 1)
        {
            return mean.ToString(format, CultureInfo.InvariantCulture) + " (1 seed)";
        }

        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {std.ToString(format, CultureInfo.InvariantCulture)} ({values.Count} seeds)";
    }
}
