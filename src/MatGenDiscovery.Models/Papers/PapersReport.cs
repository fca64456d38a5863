namespace MatGenDiscovery.Models.Papers;

/// <summary>The side-by-side reproduction report: one section per paper, plus notes on how it was built.</summary>
public sealed record PapersReport(string Title, IReadOnlyList<ReportSection> Sections, IReadOnlyList<string> Notes)
{
    public IEnumerable<ReportFigure> Figures => Sections.SelectMany(s => s.Figures);

    public IEnumerable<MissingFigure> Missing => Figures.OfType<MissingFigure>();
}
