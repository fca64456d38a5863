namespace MatGenDiscovery.Models.Reporting.Charts;

/// <summary>A point in data units.</summary>
public readonly record struct ChartPoint(double X, double Y);
