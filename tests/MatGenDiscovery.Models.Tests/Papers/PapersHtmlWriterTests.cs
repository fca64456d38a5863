using System.Xml.Linq;
using MatGenDiscovery.Models.Papers;
using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Tests.Papers;

public sealed class PapersHtmlWriterTests
{
    private static readonly RunSource Source = new("runs/a", "runs/a/config.json", "a", 7, 50, "abcdef012345");

    [Fact]
    public void Render_ChartFigure_InlinesTheSvgAndWritesItsFile()
    {
        var files = PapersHtmlWriter.Render(Report(Chart()));

        files.Select(f => f.RelativePath).Should().Equal("index.html", "charts/fig-a.svg");
        var svg = XDocument.Parse(files[1].Content).Root!;
        svg.Name.LocalName.Should().Be("svg");
        files[0].Content.Should().StartWith("<!DOCTYPE html>").And.Contain("<svg");
    }

    [Fact]
    public void Html_Figure_StatesSourceAndPublishedNumbers()
    {
        var figure = Chart() with { Sources = [Source], Published = [new PublishedNumber("validity", "84.5%", "Dan 2020")] };

        var html = XDocument.Parse(PapersHtmlWriter.Html(Report(figure))["<!DOCTYPE html>\n".Length..]);

        var section = html.Descendants("section").Single();
        section.Attribute("id")!.Value.Should().Be("fig-a");
        section.Descendants("p").Single(p => (string?)p.Attribute("class") == "source").Value
            .Should().Be("Source: run a (config runs/a/config.json, seed 7, checkpoint step 50 sha256 abcdef012345)");
        section.Descendants("div").Single(d => (string?)d.Attribute("class") == "published").Value.Should().Contain("validity 84.5% (Dan 2020)");
    }

    [Fact]
    public void Html_MissingFigure_ShowsReasonAndCommands()
    {
        var missing = new MissingFigure("fig-m", "Fig. 9", "Later", "no run <yet>", ["matgen train --config x.json --output runs/x"]);

        var content = PapersHtmlWriter.Html(Report(missing));

        content.Should().Contain("Not run yet: ").And.Contain("no run &lt;yet&gt;").And.Contain("<pre>matgen train --config x.json --output runs/x</pre>");
        content.Should().Contain("(not run yet)", "the contents list flags it");
    }

    [Fact]
    public void Html_TableWithShortRow_ThrowsNamingTheTable()
    {
        var table = new TableFigure("tab", "Table 1", "T", "c", ["a", "b"], [["1"]]);

        var act = () => PapersHtmlWriter.Html(Report(table));

        act.Should().Throw<ArgumentException>().WithMessage("table 'tab' row 1 has 1 cells for 2 columns*");
    }

    private static ChartFigure Chart() =>
        new("fig-a", "Fig. A", "A chart", new BarChart("bars", new ChartAxis("x"), new ChartAxis("y", "%"), ["one"], [new ChartSeries("s", [0.5])]), "caption");

    private static PapersReport Report(ReportFigure figure) =>
        new("Title", [new ReportSection("s", "Section", "citation", [figure])], ["note"]);
}
