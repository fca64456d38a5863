namespace MatGenDiscovery.Models.Papers;

/// <summary>The figures and tables reproduced from one paper, in the paper's order.</summary>
public sealed record ReportSection(string Id, string Title, string Citation, IReadOnlyList<ReportFigure> Figures);
