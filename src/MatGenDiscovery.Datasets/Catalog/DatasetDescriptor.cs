namespace MatGenDiscovery.Datasets.Catalog;

/// <summary>
/// One bundled table: its short name, file (relative to the data folder), the column holding the formula,
/// and the numeric property columns, in file order. Units are eV/atom for energies, eV for gaps, Å^3/atom for volumes.
/// </summary>
public sealed record DatasetDescriptor(
    string Name,
    string FileName,
    string FormulaColumn,
    IReadOnlyList<string> PropertyColumns,
    string Description);
