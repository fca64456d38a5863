using System.Xml.Linq;

namespace MatGenDiscovery.Models.Reporting.Charts;

/// <summary>
/// Overlaid, semi-transparent histograms of raw values, one per series, over shared equal-width bins spanning all
/// values (or the x axis's fixed range; values outside it are left out). With <see cref="Normalize"/> each series'
/// bars are shares of its own count, so sets of different sizes compare.
/// </summary>
public sealed class HistogramChart : SvgChart
{
    public HistogramChart(string title, ChartAxis xAxis, ChartAxis yAxis, IReadOnlyList<ChartSeries> series, int bins = 30)
        : base(title, xAxis, yAxis)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        Series = series;
        Bins = bins;
    }

    public IReadOnlyList<ChartSeries> Series { get; }

    public int Bins { get; }

    public bool Normalize { get; init; }

    /// <summary>Bar heights per series and bin, and the bin edges (Bins + 1 of them).</summary>
    public (double[][] Heights, double[] Edges) Compute()
    {
        var values = Series.SelectMany(s => s.Values).Where(double.IsFinite).ToArray();
        var low = XAxis.Min ?? (values.Length == 0 ? 0 : values.Min());
        var high = XAxis.Max ?? (values.Length == 0 ? 1 : values.Max());
        if (high <= low)
        {
            high = low + 1;
        }

        var width = (high - low) / Bins;
        var edges = Enumerable.Range(0, Bins + 1).Select(i => low + i * width).ToArray();
        var heights = Series.Select(s =>
        {
            var counts = new double[Bins];
            var total = 0;
            foreach (var v in s.Values)
            {
                if (!double.IsFinite(v) || v < low || v > high)
                {
                    continue;
                }

                counts[Math.Min(Bins - 1, (int)((v - low) / width))]++;
                total++;
            }

            return Normalize && total > 0 ? counts.Select(c => c / total).ToArray() : counts;
        }).ToArray();
        return (heights, edges);
    }

    protected override void Render(XElement svg)
    {
        var (heights, edges) = Compute();
        var x = AxisScale.Create(edges, PlotLeft, PlotRight, log: false, edges[0], edges[^1], includeZero: false);
        var y = AxisScale.Create(heights.SelectMany(h => h).Concat(References.Select(r => r.Value)), PlotBottom, PlotTop, log: false, YAxis.Min, YAxis.Max, includeZero: true);
        DrawYAxis(svg, y);
        DrawXAxis(svg, x);
        var zero = y.Map(0);
        for (var s = 0; s < Series.Count; s++)
        {
            for (var b = 0; b < Bins; b++)
            {
                if (heights[s][b] <= 0)
                {
                    continue;
                }

                var top = y.Map(heights[s][b]);
                svg.Add(Rect(x.Map(edges[b]), top, x.Map(edges[b + 1]) - x.Map(edges[b]), zero - top, Palette.Color(s), "bar",
                    $"{Series[s].Name}: [{XAxis.FormatValue(edges[b])}, {XAxis.FormatValue(edges[b + 1])}) {YAxis.FormatValue(heights[s][b])}",
                    opacity: Series.Count > 1 ? 0.45 : 0.85));
            }
        }

        DrawReferences(svg, y);
        DrawLegend(svg, Series.Select(s => s.Name).ToArray());
    }
}
