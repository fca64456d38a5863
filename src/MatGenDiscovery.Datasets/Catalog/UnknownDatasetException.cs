namespace MatGenDiscovery.Datasets.Catalog;

/// <summary>A dataset name that is not in the catalogue; the message lists the known names.</summary>
public sealed class UnknownDatasetException(string name, IEnumerable<string> knownNames)
    : ArgumentException($"unknown dataset '{name}'; known datasets: {string.Join(", ", knownNames)}")
{
    public string DatasetName { get; } = name;
}
