namespace MatGenDiscovery.Models.Papers;

/// <summary>A figure whose inputs are not in the runs folder: the report shows why and the commands that produce them.</summary>
public sealed record MissingFigure(string Id, string Label, string Title, string Reason, IReadOnlyList<string> Commands)
    : ReportFigure(Id, Label, Title, Reason);
