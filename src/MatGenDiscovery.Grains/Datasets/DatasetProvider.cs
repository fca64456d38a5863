using System.Collections.Concurrent;
using MatGenDiscovery.Datasets.Catalog;
using MatGenDiscovery.Datasets.Loading;

namespace MatGenDiscovery.Grains.Datasets;

/// <summary>
/// Loads catalogued datasets from the data folder once per process and shares them (read-only) between grains:
/// the dataset grain, the validator's predictor training and the generators' training all read the same copy.
/// </summary>
public sealed class DatasetProvider(string dataFolder)
{
    private readonly ConcurrentDictionary<string, Lazy<DatasetIndex>> _loaded = new(StringComparer.OrdinalIgnoreCase);

    public string DataFolder { get; } = dataFolder;

    /// <exception cref="UnknownDatasetException">The name is not catalogued.</exception>
    /// <exception cref="FileNotFoundException">The data folder lacks the file.</exception>
    public DatasetIndex Get(string name)
    {
        var descriptor = DatasetCatalog.Get(name);
        var lazy = _loaded.GetOrAdd(descriptor.Name, _ => new Lazy<DatasetIndex>(
            () => new DatasetIndex(DatasetLoader.Load(DataFolder, descriptor)), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _loaded.TryRemove(new KeyValuePair<string, Lazy<DatasetIndex>>(descriptor.Name, lazy));
            throw;
        }
    }
}
