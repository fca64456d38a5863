using System.Xml.Linq;
using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Tests.Reporting.Charts;

public class SvgChartTests
{
    private static readonly XNamespace Svg = SvgChart.Svg;

    [Fact]
    public void BarChart_GroupedSeries_DrawsOneBarPerValueAndEscapesText()
    {
        var chart = new BarChart(
            "Validity <smact14> & \"icsd24\"",
            new ChartAxis("setting"),
            new ChartAxis("share", "%", "P0", 0, 1),
            ["a<b", "c&d", "e"],
            [new ChartSeries("training", [0.1, 0.5, 0.9]), new ChartSeries("generated", [0.2, 0.4, 0.6])])
        {
            References = [new ReferenceValue("MatGAN: 84.5%", 0.845)],
        };

        var svg = Reparse(chart);

        Elements(svg, "rect", "bar").Should().HaveCount(6);
        Elements(svg, "line", "reference").Should().ContainSingle();
        svg.Descendants(Svg + "text").Select(t => t.Value).Should().Contain(["a<b", "c&d", "MatGAN: 84.5%", "share (%)"]);
        chart.ToString().Should().Contain("a&lt;b").And.Contain("c&amp;d").And.NotContain("a<b");
        svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend").Descendants(Svg + "text").Should().HaveCount(2);
    }

    [Fact]
    public void BarChart_TallerValue_HasTallerBar()
    {
        var svg = Reparse(new BarChart("t", new ChartAxis("x"), new ChartAxis("y"), ["a", "b"], [new ChartSeries("", [1, 3])]));

        var heights = Elements(svg, "rect", "bar").Select(r => (double)r.Attribute("height")!).ToArray();

        heights[1].Should().BeApproximately(3 * heights[0], 1e-6);
    }

    [Fact]
    public void BarChart_SeriesLengthMismatch_Throws() =>
        FluentActions.Invoking(() => new BarChart("t", new ChartAxis("x"), new ChartAxis("y"), ["a", "b"], [new ChartSeries("s", [1])]))
            .Should().Throw<ArgumentException>().WithMessage("*series 's' has 1 values for 2 categories*");

    [Fact]
    public void LineChart_LogX_PlacesDecadesEvenly()
    {
        var chart = new LineChart(
            "Uniqueness", new ChartAxis("samples"), new ChartAxis("share", "%", "P0", 0, 1),
            [new PointSeries("a", [new(1000, 1), new(10000, 0.9), new(100000, 0.8)]), new PointSeries("b", [new(1000, 0.5), new(5000, 0.4)])])
        {
            LogX = true,
        };

        var svg = Reparse(chart);

        var points = Elements(svg, "circle", "point").ToArray();
        points.Should().HaveCount(5);
        Elements(svg, "polyline", "series").Should().HaveCount(2);
        var x = points.Take(3).Select(p => (double)p.Attribute("cx")!).ToArray();
        (x[1] - x[0]).Should().BeApproximately(x[2] - x[1], 0.02);
    }

    [Fact]
    public void HistogramChart_OverlaidSeries_CountsValuesPerBin()
    {
        var chart = new HistogramChart(
            "Band gap", new ChartAxis("band gap", "eV", Min: 0, Max: 4), new ChartAxis("count"),
            [new ChartSeries("training", [0.5, 0.6, 1.5, 3.9]), new ChartSeries("generated", [0.1, 3.5, 9])], bins: 4);

        var (heights, edges) = chart.Compute();
        var svg = Reparse(chart);

        edges.Should().Equal(0, 1, 2, 3, 4);
        heights[0].Should().Equal(2, 1, 0, 1);
        heights[1].Should().Equal(1, 0, 0, 1);
        Elements(svg, "rect", "bar").Should().HaveCount(5);
    }

    [Fact]
    public void HistogramChart_Normalize_SharesSumToOne()
    {
        var chart = new HistogramChart("h", new ChartAxis("x"), new ChartAxis("share"), [new ChartSeries("s", [1, 2, 2, 3, 7])], bins: 3) { Normalize = true };

        chart.Compute().Heights[0].Sum().Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void ScatterChart_Diagonal_DrawsPointsAndDiagonal()
    {
        var svg = Reparse(new ScatterChart(
            "Target vs nearest", new ChartAxis("target", "eV/atom"), new ChartAxis("nearest", "eV/atom"),
            [new PointSeries("samples", [new(-1, -0.8), new(0, 0.1), new(1, 1.2)])])
        {
            ShowDiagonal = true,
        });

        Elements(svg, "circle", "point").Should().HaveCount(3);
        Elements(svg, "line", "diagonal").Should().ContainSingle();
    }

    private static XElement Reparse(SvgChart chart) => XElement.Parse(chart.ToString());

    private static IEnumerable<XElement> Elements(XElement svg, string name, string cssClass) =>
        svg.Descendants(Svg + name).Where(e => (string?)e.Attribute("class") == cssClass);
}
