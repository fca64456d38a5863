using System.Globalization;

namespace MatGenDiscovery.Models.Reporting.Charts;

/// <summary>
/// An axis title with its unit, and how tick values are written (a .NET format string; <c>P0</c> writes shares as
/// percentages). <see cref="Min"/>/<see cref="Max"/> fix the range; null lets the data decide (value axes start at 0
/// for bars).
/// </summary>
public sealed record ChartAxis(string Label, string? Unit = null, string Format = "G4", double? Min = null, double? Max = null)
{
    public string Title => Unit is null ? Label : $"{Label} ({Unit})";

    public string FormatValue(double value) => value.ToString(Format, CultureInfo.InvariantCulture);
}
