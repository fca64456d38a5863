using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Datasets.Loading;

/// <summary>
/// One parsed row: the formula as written in the file, its composition and the property values aligned with
/// <see cref="Dataset.PropertyNames"/> (null = empty cell).
/// </summary>
public sealed record DatasetRow(int LineNumber, string Formula, Composition Composition, double?[] Properties);
