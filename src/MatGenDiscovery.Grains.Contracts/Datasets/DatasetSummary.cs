namespace MatGenDiscovery.Grains.Contracts.Datasets;

/// <param name="Properties">Per property column: non-empty count, min, max, median.</param>
public sealed record DatasetSummary(
    string Name,
    int Rows,
    int UniqueFormulas,
    int Elements,
    IReadOnlyDictionary<int, int> ArityHistogram,
    IReadOnlyDictionary<string, PropertyRangeSummary> Properties);
