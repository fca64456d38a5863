using System.Text;
using System.Xml;
using System.Xml.Linq;
using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Papers;

/// <summary>
/// Renders a <see cref="PapersReport"/> as <c>index.html</c> (self-contained: embedded CSS, charts inlined as SVG, no
/// scripts, no external fetches; well-formed XHTML syntax) plus one standalone <c>charts/&lt;id&gt;.svg</c> per chart.
/// Every figure states its source runs and the paper's numbers; a missing figure is a panel with the commands that
/// would produce it.
/// </summary>
public static class PapersHtmlWriter
{
    public const string IndexFile = "index.html";
    public const string ChartFolder = "charts";

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; line-height: 1.45; padding: 0 1rem; }
        h1 { border-bottom: 2px solid #0072B2; padding-bottom: .3rem; }
        h2 { margin-top: 2.5rem; color: #0b3d62; border-bottom: 1px solid #ccd; }
        h3 { margin-top: 1.8rem; }
        .label { color: #0072B2; margin-right: .4rem; }
        table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
        th, td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: right; }
        th { background: #f2f5f8; }
        td.text, th.text { text-align: left; }
        figure { margin: .6rem 0; }
        figure svg { max-width: 100%; height: auto; background: #fff; border: 1px solid #eee; }
        .caption { font-size: .9rem; color: #444; max-width: 760px; }
        .source { font-size: .8rem; color: #666; font-family: ui-monospace, monospace; }
        .published { font-size: .85rem; background: #fff6e5; border-left: 3px solid #E69F00; padding: .3rem .6rem; max-width: 760px; }
        .missing { background: #f6f6f6; border: 2px dashed #999; padding: .6rem 1rem; max-width: 760px; }
        .missing pre { white-space: pre-wrap; font-size: .8rem; }
        nav ul { columns: 2; font-size: .9rem; }
        """;

    /// <summary>index.html first, then the chart files in report order.</summary>
    public static IReadOnlyList<ReportFile> Render(PapersReport report)
    {
        var files = new List<ReportFile> { new(IndexFile, Html(report)) };
        foreach (var chart in report.Figures.OfType<ChartFigure>())
        {
            files.Add(new ReportFile($"{ChartFolder}/{chart.Id}.svg", StandaloneSvg(chart.Chart)));
        }

        return files;
    }

    public static string Html(PapersReport report)
    {
        var body = new XElement("body", new XElement("h1", report.Title));
        foreach (var note in report.Notes)
        {
            body.Add(new XElement("p", new XAttribute("class", "caption"), note));
        }

        body.Add(Contents(report));
        foreach (var section in report.Sections)
        {
            body.Add(new XElement("h2", new XAttribute("id", section.Id), section.Title));
            body.Add(new XElement("p", new XAttribute("class", "caption"), section.Citation));
            foreach (var figure in section.Figures)
            {
                body.Add(Figure(figure));
            }
        }

        var html = new XElement(
            "html",
            new XAttribute("lang", "en"),
            new XElement(
                "head",
                new XElement("meta", new XAttribute("charset", "utf-8")),
                new XElement("meta", new XAttribute("name", "viewport"), new XAttribute("content", "width=device-width, initial-scale=1")),
                new XElement("title", report.Title),
                new XElement("style", Style)),
            body);
        var builder = new StringBuilder("<!DOCTYPE html>\n");
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            html.WriteTo(writer);
        }

        return builder.Append('\n').ToString();
    }

    private static XElement Contents(PapersReport report) =>
        new(
            "nav",
            new XElement(
                "ul",
                report.Figures.Select(f => new XElement(
                    "li",
                    new XElement("a", new XAttribute("href", $"#{f.Id}"), $"{f.Label}: {f.Title}"),
                    f is MissingFigure ? " (not run yet)" : ""))));

    private static XElement Figure(ReportFigure figure)
    {
        var section = new XElement(
            "section",
            new XAttribute("id", figure.Id),
            new XAttribute("class", figure is MissingFigure ? "figure missing-figure" : "figure"),
            new XElement("h3", new XElement("span", new XAttribute("class", "label"), figure.Label), figure.Title));
        switch (figure)
        {
            case ChartFigure chart:
                section.Add(new XElement("figure", new XAttribute("class", "chart"), chart.Chart.ToSvg()));
                section.Add(Caption(figure.Caption));
                break;
            case TableFigure table:
                section.Add(Table(table));
                section.Add(Caption(figure.Caption));
                break;
            case MissingFigure missing:
                section.Add(new XElement(
                    "div",
                    new XAttribute("class", "missing"),
                    new XElement("strong", "Not run yet: "),
                    missing.Reason,
                    missing.Commands.Count == 0 ? null : new XElement("pre", string.Join("\n", missing.Commands))));
                break;
        }

        if (figure.Published.Count > 0)
        {
            section.Add(new XElement(
                "div",
                new XAttribute("class", "published"),
                new XElement("strong", "Paper: "),
                string.Join("; ", figure.Published.Select(p => $"{p.Quantity} {p.Value} ({p.Where})"))));
        }

        foreach (var source in figure.Sources)
        {
            section.Add(new XElement("p", new XAttribute("class", "source"), "Source: " + source.Describe()));
        }

        return section;
    }

    private static XElement Caption(string text) => new("p", new XAttribute("class", "caption"), text);

    private static XElement Table(TableFigure table)
    {
        var element = new XElement("table", new XElement("thead", new XElement("tr", table.Headers.Select((h, i) => Cell("th", h, i)))));
        var body = new XElement("tbody");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (table.Rows[r].Count != table.Headers.Count)
            {
                throw new ArgumentException($"table '{table.Id}' row {r + 1} has {table.Rows[r].Count} cells for {table.Headers.Count} columns", nameof(table));
            }

            body.Add(new XElement("tr", table.Rows[r].Select((c, i) => Cell("td", c, i))));
        }

        element.Add(body);
        return element;
    }

    private static XElement Cell(string tag, string text, int column) =>
        column == 0 ? new XElement(tag, new XAttribute("class", "text"), text) : new XElement(tag, text);

    private static string StandaloneSvg(SvgChart chart) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.ToSvg().ToString(SaveOptions.DisableFormatting) + "\n";
}
