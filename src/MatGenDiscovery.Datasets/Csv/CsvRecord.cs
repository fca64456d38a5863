namespace MatGenDiscovery.Datasets.Csv;

/// <summary>One CSV record: its fields, unquoted, and the 1-based line on which it starts.</summary>
public sealed record CsvRecord(int LineNumber, string[] Fields);
