using System.Globalization;
using System.Xml.Linq;

namespace MatGenDiscovery.Models.Reporting.Charts;

/// <summary>
/// Base of the SVG charts: a titled plot with axes (titles carry units), tick labels, a legend and dashed reference
/// lines for published values. Subclasses draw their marks into the plot area. Output is an <c>svg</c> element in the
/// SVG namespace, self-contained (no scripts, no external resources), so it can be inlined in HTML. Marks carry a
/// class (<c>bar</c>, <c>point</c>, <c>series</c>, <c>reference</c>) and a <c>title</c> tooltip with their value.
/// </summary>
public abstract class SvgChart
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const double MarginLeft = 72;
    private const double MarginRight = 24;
    private const double MarginTop = 56;
    private const double MarginBottom = 58;

    protected SvgChart(string title, ChartAxis xAxis, ChartAxis yAxis)
    {
        Title = title;
        XAxis = xAxis;
        YAxis = yAxis;
    }

    public string Title { get; }

    public ChartAxis XAxis { get; }

    public ChartAxis YAxis { get; }

    /// <summary>Width in CSS pixels (the SVG scales with its container through its view box).</summary>
    public int Width { get; init; } = 640;

    public int Height { get; init; } = 360;

    /// <summary>Horizontal dashed lines at published values of the y quantity.</summary>
    public IReadOnlyList<ReferenceValue> References { get; init; } = [];

    internal double PlotLeft => MarginLeft;

    internal double PlotRight => Width - MarginRight;

    internal double PlotTop => MarginTop;

    internal double PlotBottom => Height - MarginBottom;

    public XElement ToSvg()
    {
        var svg = new XElement(
            Svg + "svg",
            new XAttribute("width", Width),
            new XAttribute("height", Height),
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("role", "img"),
            new XAttribute("font-family", "sans-serif"),
            new XAttribute("font-size", 11),
            new XElement(Svg + "title", Title),
            Text(Width / 2.0, 18, Title, "middle", ("font-size", "14"), ("font-weight", "bold")));
        Render(svg);
        return svg;
    }

    public override string ToString() => ToSvg().ToString(SaveOptions.DisableFormatting);

    /// <summary>Draws the axes, marks, references and legend into <paramref name="svg"/>.</summary>
    protected abstract void Render(XElement svg);

    internal static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    internal static XElement Text(double x, double y, string text, string anchor = "start", params (string Name, string Value)[] attributes)
    {
        var element = new XElement(
            Svg + "text",
            new XAttribute("x", Number(x)),
            new XAttribute("y", Number(y)),
            new XAttribute("text-anchor", anchor),
            text);
        foreach (var (name, value) in attributes)
        {
            element.Add(new XAttribute(name, value));
        }

        return element;
    }

    internal static XElement Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? cssClass = null, string? dash = null)
    {
        var line = new XElement(
            Svg + "line",
            new XAttribute("x1", Number(x1)),
            new XAttribute("y1", Number(y1)),
            new XAttribute("x2", Number(x2)),
            new XAttribute("y2", Number(y2)),
            new XAttribute("stroke", stroke),
            new XAttribute("stroke-width", Number(width)));
        if (cssClass is not null)
        {
            line.Add(new XAttribute("class", cssClass));
        }

        if (dash is not null)
        {
            line.Add(new XAttribute("stroke-dasharray", dash));
        }

        return line;
    }

    internal static XElement Rect(double x, double y, double width, double height, string fill, string cssClass, string tooltip, double opacity = 1)
    {
        var rect = new XElement(
            Svg + "rect",
            new XAttribute("class", cssClass),
            new XAttribute("x", Number(x)),
            new XAttribute("y", Number(y)),
            new XAttribute("width", Number(Math.Max(0, width))),
            new XAttribute("height", Number(Math.Max(0, height))),
            new XAttribute("fill", fill),
            new XElement(Svg + "title", tooltip));
        if (opacity < 1)
        {
            rect.Add(new XAttribute("fill-opacity", Number(opacity)));
        }

        return rect;
    }

    internal static XElement Circle(double x, double y, double radius, string fill, string tooltip) =>
        new(
            Svg + "circle",
            new XAttribute("class", "point"),
            new XAttribute("cx", Number(x)),
            new XAttribute("cy", Number(y)),
            new XAttribute("r", Number(radius)),
            new XAttribute("fill", fill),
            new XElement(Svg + "title", tooltip));

    /// <summary>The y axis: line, gridlines, tick labels and the rotated title.</summary>
    internal void DrawYAxis(XElement svg, AxisScale scale)
    {
        foreach (var tick in scale.Ticks())
        {
            var y = scale.Map(tick);
            svg.Add(Line(PlotLeft, y, PlotRight, y, "#e4e4e4"));
            svg.Add(Text(PlotLeft - 6, y + 4, YAxis.FormatValue(tick), "end"));
        }

        svg.Add(Line(PlotLeft, PlotTop, PlotLeft, PlotBottom, "#333"));
        var middle = (PlotTop + PlotBottom) / 2;
        svg.Add(Text(16, middle, YAxis.Title, "middle", ("transform", $"rotate(-90 16 {Number(middle)})")));
    }

    /// <summary>A numeric x axis: line, tick marks, tick labels and the title.</summary>
    internal void DrawXAxis(XElement svg, AxisScale scale)
    {
        foreach (var tick in scale.Ticks())
        {
            var x = scale.Map(tick);
            svg.Add(Line(x, PlotBottom, x, PlotBottom + 5, "#333"));
            svg.Add(Text(x, PlotBottom + 18, XAxis.FormatValue(tick), "middle"));
        }

        DrawXBaseline(svg);
    }

    internal void DrawXBaseline(XElement svg)
    {
        svg.Add(Line(PlotLeft, PlotBottom, PlotRight, PlotBottom, "#333"));
        svg.Add(Text((PlotLeft + PlotRight) / 2, Height - 12, XAxis.Title, "middle"));
    }

    internal void DrawReferences(XElement svg, AxisScale yScale)
    {
        foreach (var reference in References)
        {
            var y = yScale.Map(reference.Value);
            svg.Add(Line(PlotLeft, y, PlotRight, y, "#B00020", 1.5, "reference", "6 4"));
            svg.Add(Text(PlotLeft + 6, y - 5, reference.Label, "start", ("fill", "#B00020"), ("class", "reference-label"),
                ("stroke", "#fff"), ("stroke-width", "3"), ("paint-order", "stroke"), ("font-weight", "bold")));
        }
    }

    /// <summary>One swatch and name per series, in a row under the title; nothing for a single unnamed series.</summary>
    internal void DrawLegend(XElement svg, IReadOnlyList<string> names)
    {
        if (names.Count == 0 || (names.Count == 1 && string.IsNullOrEmpty(names[0])))
        {
            return;
        }

        var legend = new XElement(Svg + "g", new XAttribute("class", "legend"));
        var x = PlotLeft;
        for (var i = 0; i < names.Count; i++)
        {
            legend.Add(new XElement(
                Svg + "rect",
                new XAttribute("x", Number(x)),
                new XAttribute("y", 30),
                new XAttribute("width", 12),
                new XAttribute("height", 12),
                new XAttribute("fill", Palette.Color(i))));
            legend.Add(Text(x + 16, 40, names[i]));
            x += 28 + 6.5 * names[i].Length;
        }

        svg.Add(legend);
    }
}
