namespace MatGenDiscovery.Datasets.Statistics;

/// <summary>
/// Summary of a loaded dataset. Unique formulas, elements, arity and max count are counted over unique reduced
/// compositions; property summaries over all rows. <see cref="MaxCount"/> is the largest subscript of a reduced
/// integer formula; compositions with non-integral amounts (e.g. <c>Ag0.5Ge1Pb1.75S4</c>) are left out of it
/// and counted in <see cref="NonIntegralFormulas"/>.
/// </summary>
public sealed record DatasetStatistics(
    string Name,
    int Rows,
    int UniqueFormulas,
    IReadOnlyList<string> Elements,
    IReadOnlyDictionary<int, int> ArityHistogram,
    int MaxCount,
    string? MaxCountFormula,
    int NonIntegralFormulas,
    IReadOnlyDictionary<string, PropertySummary> Properties,
    ValidityShares? Validity,
    int Errors);
