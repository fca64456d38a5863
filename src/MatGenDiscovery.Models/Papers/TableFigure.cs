namespace MatGenDiscovery.Models.Papers;

/// <summary>A table; every row has one cell per header.</summary>
public sealed record TableFigure(string Id, string Label, string Title, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
    : ReportFigure(Id, Label, Title, Caption);
