using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Reporting;
using MatGenDiscovery.Models.Reporting.Charts;
using MatGenDiscovery.Models.Tests.Evaluation;

namespace MatGenDiscovery.Models.Tests.Reporting;

public class EvaluationReportWritersTests
{
    [Fact]
    public void HtmlReport_ToHtml_IsWellFormedSelfContainedAndEscaped()
    {
        var html = new HtmlReport("Report <1> & co")
            .AddParagraph("a < b")
            .AddTable(["name", "value"], [["x&y", "1"]])
            .AddChart(new BarChart("c", new ChartAxis("x"), new ChartAxis("y"), ["a"], [new ChartSeries("s", [1])]))
            .ToHtml();

        html.Should().StartWith("<!DOCTYPE html>").And.Contain("Report &lt;1&gt; &amp; co").And.NotContain("<script").And.NotContain("http://www.w3.org/1999");
        var document = Parse(html);
        document.Descendants("td").Select(t => t.Value).Should().Contain("x&y");
        document.Descendants(SvgChart.Svg + "svg").Should().ContainSingle();
    }

    [Fact]
    public void EvaluationHtmlReport_Build_HasEverySection()
    {
        var report = SampleReport(withTargets: true);

        var document = Parse(EvaluationHtmlReport.Build(report).ToHtml());

        var headings = document.Descendants("h2").Select(h => h.Value).ToArray();
        headings.Should().Contain(["SMACT validity", "Uniqueness", "Novelty and recovery", "Arity distribution", "Cross-database confirmation", "Conditional generation (Sawada et al.)", "Valency repair (Metropolis–Hastings)"]);
        document.Descendants(SvgChart.Svg + "svg").Should().HaveCount(4);
        document.Descendants(SvgChart.Svg + "line").Count(l => (string?)l.Attribute("class") == "reference").Should().Be(1);
        document.Descendants("td").Select(t => t.Value).Should().Contain("gen.csv");
    }

    [Fact]
    public void EvaluationReportJson_Serialize_UsesSnakeCaseAndRoundTrips()
    {
        var report = SampleReport(withTargets: true);

        var json = EvaluationReportJson.Serialize(report);
        var root = JsonDocument.Parse(json).RootElement;

        root.GetProperty("inputs").GetProperty("unique_samples").GetInt32().Should().Be(report.Inputs.UniqueSamples);
        root.GetProperty("novelty").GetProperty("share").GetDouble().Should().Be(report.Novelty.Share);
        root.GetProperty("recovery").GetProperty("leave_out").GetProperty("by_arity").GetArrayLength().Should().BeGreaterThan(0);
        root.GetProperty("validity")[0].GetProperty("generated_charge_neutral").ValueKind.Should().Be(JsonValueKind.Number);
        root.GetProperty("conditional").GetProperty("mae").GetDouble().Should().Be(report.Conditional!.Mae);
        EvaluationReportJson.Deserialize(json)!.Novelty.Should().Be(report.Novelty);
    }

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static EvaluationReport SampleReport(bool withTargets)
    {
        var training = TestSets.Parse("NaCl", "KBr", "MgO", "BaTiO3");
        var generated = TestSets.Parse("NaCl", "NaCl", "LiF", "Fe1O1.3", "CsI", "SrTiO3");
        var context = new EvaluationContext(training, [1, 2, 3, 4], TestSets.Parse("CaO", "SrTiO3"), [new ReferenceDatabase("oqmd", TestSets.Parse("LiF", "CsI"))]);
        var samples = GeneratedSamples.From(generated, withTargets ? [1.0, 1.5, null, 3, 2, 4] : null);
        var options = new EvaluationOptions { EnrichmentArities = [], RepairSamples = 6, Seed = 3 };
        return EvaluationSuite.Evaluate(samples, context, options, new EvaluationInputs("gen.csv", "cfg.json", "quick", "mp", 1, null, 0, 0, [], 0, 0, 0));
    }
}
