using System.Xml.Linq;

namespace MatGenDiscovery.Models.Reporting.Charts;

/// <summary>One polyline with point markers per series; the x axis may be logarithmic (decade ticks).</summary>
public sealed class LineChart : SvgChart
{
    public LineChart(string title, ChartAxis xAxis, ChartAxis yAxis, IReadOnlyList<PointSeries> series)
        : base(title, xAxis, yAxis) => Series = series;

    public IReadOnlyList<PointSeries> Series { get; }

    /// <summary>Base-10 logarithmic x axis; points with x ≤ 0 are left out.</summary>
    public bool LogX { get; init; }

    protected override void Render(XElement svg)
    {
        var points = Series.SelectMany(s => s.Points).ToArray();
        var x = AxisScale.Create(points.Select(p => p.X), PlotLeft, PlotRight, LogX, XAxis.Min, XAxis.Max, includeZero: false);
        var y = AxisScale.Create(points.Select(p => p.Y).Concat(References.Select(r => r.Value)), PlotBottom, PlotTop, log: false, YAxis.Min, YAxis.Max, includeZero: false);
        DrawYAxis(svg, y);
        DrawXAxis(svg, x);
        for (var s = 0; s < Series.Count; s++)
        {
            var drawn = Series[s].Points.Where(p => !LogX || p.X > 0).ToArray();
            var color = Palette.Color(s);
            svg.Add(new XElement(
                Svg + "polyline",
                new XAttribute("class", "series"),
                new XAttribute("fill", "none"),
                new XAttribute("stroke", color),
                new XAttribute("stroke-width", 2),
                new XAttribute("points", string.Join(" ", drawn.Select(p => $"{Number(x.Map(p.X))},{Number(y.Map(p.Y))}")))));
            foreach (var point in drawn)
            {
                svg.Add(Circle(x.Map(point.X), y.Map(point.Y), 3.5, color,
                    $"{Series[s].Name}: {XAxis.FormatValue(point.X)}, {YAxis.FormatValue(point.Y)}"));
            }
        }

        DrawReferences(svg, y);
        DrawLegend(svg, Series.Select(s => s.Name).ToArray());
    }
}
