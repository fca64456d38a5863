using System.Xml.Linq;

namespace MatGenDiscovery.Models.Reporting.Charts;

/// <summary>
/// Vertical bars: one group per category, one bar per series in each group (a single series is a plain bar chart).
/// Each series has one value per category. The value axis includes 0.
/// </summary>
public sealed class BarChart : SvgChart
{
    /// <exception cref="ArgumentException">A series does not have one value per category.</exception>
    public BarChart(string title, ChartAxis xAxis, ChartAxis yAxis, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
        : base(title, xAxis, yAxis)
    {
        foreach (var s in series)
        {
            if (s.Values.Count != categories.Count)
            {
                throw new ArgumentException($"bar chart '{title}': series '{s.Name}' has {s.Values.Count} values for {categories.Count} categories", nameof(series));
            }
        }

        Categories = categories;
        Series = series;
    }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<ChartSeries> Series { get; }

    /// <summary>Write each bar's value above it.</summary>
    public bool ShowValues { get; init; } = true;

    protected override void Render(XElement svg)
    {
        var values = Series.SelectMany(s => s.Values).Concat(References.Select(r => r.Value));
        var y = AxisScale.Create(values, PlotBottom, PlotTop, log: false, YAxis.Min, YAxis.Max, includeZero: true);
        DrawYAxis(svg, y);
        var groupWidth = (PlotRight - PlotLeft) / Math.Max(1, Categories.Count);
        var barWidth = groupWidth * 0.8 / Math.Max(1, Series.Count);
        var zero = y.Map(Math.Clamp(0, y.Min, y.Max));
        for (var c = 0; c < Categories.Count; c++)
        {
            var groupLeft = PlotLeft + c * groupWidth + groupWidth * 0.1;
            for (var s = 0; s < Series.Count; s++)
            {
                var value = Series[s].Values[c];
                var top = y.Map(value);
                var x = groupLeft + s * barWidth;
                var label = YAxis.FormatValue(value);
                svg.Add(Rect(x, Math.Min(top, zero), barWidth * 0.92, Math.Abs(zero - top), Palette.Color(s), "bar",
                    $"{(Series[s].Name.Length > 0 ? Series[s].Name + ", " : "")}{Categories[c]}: {label}"));
                if (ShowValues)
                {
                    svg.Add(Text(x + barWidth * 0.46, Math.Min(top, zero) - 3, label, "middle", ("font-size", "9")));
                }
            }

            svg.Add(CategoryLabel(PlotLeft + (c + 0.5) * groupWidth, groupWidth, Categories[c]));
        }

        DrawXBaseline(svg);
        DrawReferences(svg, y);
        DrawLegend(svg, Series.Select(s => s.Name).ToArray());
    }

    // Long labels break at spaces into lines so neighbouring categories do not overlap.
    private XElement CategoryLabel(double x, double groupWidth, string label)
    {
        var text = Text(x, PlotBottom + 16, "", "middle");
        var maxCharacters = Math.Max(4, (int)(groupWidth / 6.2));
        var lines = new List<string>();
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lines.Count > 0 && lines[^1].Length + 1 + word.Length <= maxCharacters)
            {
                lines[^1] += " " + word;
            }
            else
            {
                lines.Add(word);
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            text.Add(new XElement(Svg + "tspan", new XAttribute("x", Number(x)), new XAttribute("dy", i == 0 ? "0" : "1.1em"), lines[i]));
        }

        return text;
    }
}
