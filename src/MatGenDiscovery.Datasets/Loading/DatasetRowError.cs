namespace MatGenDiscovery.Datasets.Loading;

/// <summary>A row that could not be read: its 1-based line in the file and what is wrong with it.</summary>
public sealed record DatasetRowError(int LineNumber, string Message)
{
    public override string ToString() => $"line {LineNumber}: {Message}";
}
