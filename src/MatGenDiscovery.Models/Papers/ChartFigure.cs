using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Papers;

/// <summary>A figure drawn as an SVG chart (written inline and as <c>charts/&lt;Id&gt;.svg</c>).</summary>
public sealed record ChartFigure(string Id, string Label, string Title, SvgChart Chart, string Caption)
    : ReportFigure(Id, Label, Title, Caption);
