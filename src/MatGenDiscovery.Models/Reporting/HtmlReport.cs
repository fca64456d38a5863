using System.Text;
using System.Xml;
using System.Xml.Linq;
using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Reporting;

/// <summary>
/// A self-contained HTML page built from headings, paragraphs, tables and inline SVG charts: one file with embedded CSS,
/// no scripts and no external fetches. The document is also well-formed XML (XHTML syntax, UTF-8), and all text is escaped.
/// </summary>
public sealed class HtmlReport
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; line-height: 1.45; padding: 0 1rem; }
        h1 { border-bottom: 2px solid #0072B2; padding-bottom: .3rem; }
        h2 { margin-top: 2.2rem; color: #0b3d62; }
        table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
        th, td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: right; }
        th { background: #f2f5f8; }
        td.text, th.text { text-align: left; }
        caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: .3rem; }
        figure { margin: 1rem 0; }
        figcaption { font-size: .85rem; color: #555; max-width: 640px; }
        svg { max-width: 100%; height: auto; background: #fff; }
        .note { color: #555; font-size: .9rem; }
        """;

    private readonly string _title;
    private readonly List<XElement> _body = [];

    public HtmlReport(string title)
    {
        _title = title;
        _body.Add(new XElement("h1", title));
    }

    public HtmlReport AddHeading(string text, int level = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 6);
        _body.Add(new XElement($"h{level}", text));
        return this;
    }

    public HtmlReport AddParagraph(string text, bool note = false)
    {
        var paragraph = new XElement("p", text);
        if (note)
        {
            paragraph.Add(new XAttribute("class", "note"));
        }

        _body.Add(paragraph);
        return this;
    }

    /// <summary>A table; the first column is left-aligned text, the others right-aligned (numbers).</summary>
    /// <exception cref="ArgumentException">A row has a different number of cells than the header.</exception>
    public HtmlReport AddTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        var table = new XElement("table");
        if (caption is not null)
        {
            table.Add(new XElement("caption", caption));
        }

        table.Add(new XElement("thead", new XElement("tr", headers.Select((h, i) => Cell("th", h, i)))));
        var body = new XElement("tbody");
        var line = 0;
        foreach (var row in rows)
        {
            line++;
            if (row.Count != headers.Count)
            {
                throw new ArgumentException($"table row {line} has {row.Count} cells for {headers.Count} columns", nameof(rows));
            }

            body.Add(new XElement("tr", row.Select((c, i) => Cell("td", c, i))));
        }

        table.Add(body);
        _body.Add(table);
        return this;
    }

    public HtmlReport AddChart(SvgChart chart, string? caption = null)
    {
        var figure = new XElement("figure", chart.ToSvg());
        if (caption is not null)
        {
            figure.Add(new XElement("figcaption", caption));
        }

        _body.Add(figure);
        return this;
    }

    public XElement ToXElement() =>
        new(
            "html",
            new XAttribute("lang", "en"),
            new XElement(
                "head",
                new XElement("meta", new XAttribute("charset", "utf-8")),
                new XElement("meta", new XAttribute("name", "viewport"), new XAttribute("content", "width=device-width, initial-scale=1")),
                new XElement("title", _title),
                new XElement("style", Style)),
            new XElement("body", _body));

    /// <summary>The page, starting with <c>&lt;!DOCTYPE html&gt;</c>.</summary>
    public string ToHtml()
    {
        var builder = new StringBuilder("<!DOCTYPE html>\n");
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            ToXElement().WriteTo(writer);
        }

        return builder.Append('\n').ToString();
    }

    public void Write(Stream stream)
    {
        var bytes = new UTF8Encoding(false).GetBytes(ToHtml());
        stream.Write(bytes);
    }

    private static XElement Cell(string tag, string text, int column)
    {
        var cell = new XElement(tag, text);
        if (column == 0)
        {
            cell.Add(new XAttribute("class", "text"));
        }

        return cell;
    }
}
