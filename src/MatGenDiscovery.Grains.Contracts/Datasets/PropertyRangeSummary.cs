namespace MatGenDiscovery.Grains.Contracts.Datasets;

public sealed record PropertyRangeSummary(int Count, double? Min, double? Max, double? Median);
