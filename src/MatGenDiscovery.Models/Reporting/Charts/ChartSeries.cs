namespace MatGenDiscovery.Models.Reporting.Charts;

/// <summary>A named list of values: one per category in a bar chart, or raw samples in a histogram.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
