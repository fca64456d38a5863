namespace MatGenDiscovery.Models.Reporting.Charts;

/// <summary>A named list of points for a line or scatter chart.</summary>
public sealed record PointSeries(string Name, IReadOnlyList<ChartPoint> Points);
