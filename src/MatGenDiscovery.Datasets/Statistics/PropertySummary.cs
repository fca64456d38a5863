namespace MatGenDiscovery.Datasets.Statistics;

/// <summary>Non-empty values of one property column over all rows: count, min, max, median (null when the column is empty).</summary>
public sealed record PropertySummary(int Count, double? Min, double? Max, double? Median)
{
    /// <summary>Summarises the values (order irrelevant); the median of an even count is the mean of the two middle values, as numpy's.</summary>
    public static PropertySummary Of(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        if (sorted.Length == 0)
        {
            return new PropertySummary(0, null, null, null);
        }

        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new PropertySummary(sorted.Length, sorted[0], sorted[^1], median);
    }
}
