using System.Xml.Linq;

namespace MatGenDiscovery.Models.Reporting.Charts;

/// <summary>Point markers per series, optionally with the y = x diagonal (e.g. requested vs obtained property).</summary>
public sealed class ScatterChart : SvgChart
{
    public ScatterChart(string title, ChartAxis xAxis, ChartAxis yAxis, IReadOnlyList<PointSeries> series)
        : base(title, xAxis, yAxis) => Series = series;

    public IReadOnlyList<PointSeries> Series { get; }

    public bool ShowDiagonal { get; init; }

    protected override void Render(XElement svg)
    {
        var points = Series.SelectMany(s => s.Points).ToArray();
        var x = AxisScale.Create(points.Select(p => p.X), PlotLeft, PlotRight, log: false, XAxis.Min, XAxis.Max, includeZero: false);
        var y = AxisScale.Create(points.Select(p => p.Y).Concat(References.Select(r => r.Value)), PlotBottom, PlotTop, log: false, YAxis.Min, YAxis.Max, includeZero: false);
        DrawYAxis(svg, y);
        DrawXAxis(svg, x);
        if (ShowDiagonal)
        {
            var low = Math.Max(x.Min, y.Min);
            var high = Math.Min(x.Max, y.Max);
            if (high > low)
            {
                svg.Add(Line(x.Map(low), y.Map(low), x.Map(high), y.Map(high), "#777", 1, "diagonal", "3 3"));
            }
        }

        for (var s = 0; s < Series.Count; s++)
        {
            foreach (var point in Series[s].Points)
            {
                svg.Add(Circle(x.Map(point.X), y.Map(point.Y), 2.5, Palette.Color(s),
                    $"{Series[s].Name}: {XAxis.FormatValue(point.X)}, {YAxis.FormatValue(point.Y)}"));
            }
        }

        DrawReferences(svg, y);
        DrawLegend(svg, Series.Select(s => s.Name).ToArray());
    }
}
