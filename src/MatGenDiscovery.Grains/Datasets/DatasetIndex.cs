using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Datasets.Loading;

namespace MatGenDiscovery.Grains.Datasets;

/// <summary>
/// A loaded dataset with a membership index by reduced composition. For compositions with several rows
/// (polymorphs), each property takes the first non-empty value in file order.
/// </summary>
public sealed class DatasetIndex
{
    private readonly Dictionary<CompositionKey, double?[]> _values = [];

    public DatasetIndex(Dataset dataset)
    {
        Dataset = dataset;
        foreach (var row in dataset.Rows)
        {
            if (!_values.TryGetValue(row.Composition.Key, out var values))
            {
                _values.Add(row.Composition.Key, (double?[])row.Properties.Clone());
                continue;
            }

            for (var p = 0; p < values.Length; p++)
            {
                values[p] ??= row.Properties[p];
            }
        }
    }

    public Dataset Dataset { get; }

    public string Name => Dataset.Name;

    public int UniqueCompositions => _values.Count;

    public bool Contains(Composition composition) => _values.ContainsKey(composition.Key);

    /// <returns>Property values aligned with <see cref="Dataset.PropertyNames"/>, or null when the composition is absent.</returns>
    public double?[]? Values(Composition composition) => _values.GetValueOrDefault(composition.Key);

    /// <returns>The value of one property, or null when the composition is absent or its cell is empty.</returns>
    public double? Value(Composition composition, string property)
    {
        var values = Values(composition);
        return values?[Dataset.PropertyIndex(property)];
    }
}
