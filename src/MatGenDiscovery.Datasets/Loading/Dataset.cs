namespace MatGenDiscovery.Datasets.Loading;

/// <summary>A loaded table: the rows that parsed and the per-row errors of those that did not.</summary>
public sealed record Dataset(
    string Name,
    IReadOnlyList<string> PropertyNames,
    IReadOnlyList<DatasetRow> Rows,
    IReadOnlyList<DatasetRowError> Errors)
{
    /// <summary>Index of a property column in <see cref="DatasetRow.Properties"/>.</summary>
    /// <exception cref="ArgumentException">The dataset has no such property.</exception>
    public int PropertyIndex(string property)
    {
        for (var i = 0; i < PropertyNames.Count; i++)
        {
            if (PropertyNames[i] == property)
            {
                return i;
            }
        }

        throw new ArgumentException(
            $"dataset '{Name}' has no property '{property}'; it has: {(PropertyNames.Count == 0 ? "none" : string.Join(", ", PropertyNames))}",
            nameof(property));
    }
}
