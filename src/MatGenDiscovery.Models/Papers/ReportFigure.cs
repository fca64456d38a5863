namespace MatGenDiscovery.Models.Papers;

/// <summary>
/// One figure or table of a paper, reproduced: its id (used for the SVG file name and the HTML anchor), the paper's
/// label (e.g. "Fig. 4a"), a title, a caption, the runs it was computed from and the paper's own numbers.
/// </summary>
public abstract record ReportFigure(string Id, string Label, string Title, string Caption)
{
    public IReadOnlyList<RunSource> Sources { get; init; } = [];

    public IReadOnlyList<PublishedNumber> Published { get; init; } = [];
}
