using System.Text.Json;
using Microsoft.Playwright;

namespace MatGenDiscovery.Report.Tests;

public sealed class PapersReportBrowserTests : IClassFixture<PapersReportFixture>
{
    private const float PageTimeoutMs = 30_000;

    private readonly PapersReportFixture _fixture;

    public PapersReportBrowserTests(PapersReportFixture fixture) => _fixture = fixture;

    [Fact]
    public void ReportPapers_FixtureRuns_ExitsZeroAndListsMissingFigures()
    {
        _fixture.Outcome.ExitCode.Should().Be(0, _fixture.Outcome.Error);
        _fixture.Outcome.Output.Should().Contain("report: ").And.Contain("missing: Fig. 4b");
        File.Exists(Path.Combine(_fixture.ReportFolder, "index.html")).Should().BeTrue();
    }

    [Fact]
    public async Task IndexHtml_InHeadlessChromium_RendersEveryChartAndSavesAScreenshot()
    {
        var page = await OpenAsync(Path.Combine(_fixture.ReportFolder, "index.html"), 1200);

        var charts = await page.QuerySelectorAllAsync("figure.chart > svg");
        var chartFiles = Directory.GetFiles(Path.Combine(_fixture.ReportFolder, "charts"), "*.svg");
        charts.Should().HaveCount(chartFiles.Length).And.HaveCountGreaterThanOrEqualTo(7);
        foreach (var chart in charts)
        {
            var box = await chart.BoundingBoxAsync();
            box.Should().NotBeNull();
            box!.Width.Should().BeGreaterThan(100);
            box.Height.Should().BeGreaterThan(100);
            var marks = await chart.EvalOnSelectorAllAsync<int>(".bar, .point, .series", "marks => marks.length");
            marks.Should().BePositive("every chart draws data, not just axes");
        }

        var brokenImages = await page.EvaluateAsync<int>("() => Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).length");
        brokenImages.Should().Be(0);
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "papers-report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true, Timeout = PageTimeoutMs });
        new FileInfo(screenshot).Length.Should().BeGreaterThan(10_000);
    }

    [Fact]
    public async Task IndexHtml_EveryFigure_StatesItsSourceOrWhatIsMissing()
    {
        var page = await OpenAsync(Path.Combine(_fixture.ReportFolder, "index.html"), 1200);

        var figures = await page.EvalOnSelectorAllAsync<JsonElement>(
            "section.figure",
            "sections => sections.map(s => ({ id: s.id, missing: s.classList.contains('missing-figure'), source: !!s.querySelector('.source'), text: s.innerText }))");

        figures.GetArrayLength().Should().Be(17);
        foreach (var figure in figures.EnumerateArray())
        {
            var text = figure.GetProperty("text").GetString()!;
            if (figure.GetProperty("missing").GetBoolean())
            {
                text.Should().Contain("Not run yet");
            }
            else
            {
                figure.GetProperty("source").GetBoolean().Should().BeTrue($"figure {figure.GetProperty("id")} must name its run");
                text.Should().MatchRegex("sha256 [0-9a-f]{12}");
            }
        }
    }

    [Fact]
    public async Task ChartFiles_OpenedAlone_RenderWithNonZeroSize()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(_fixture.ReportFolder, "charts"), "*.svg"))
        {
            var page = await OpenAsync(file, 800);
            var box = await (await page.QuerySelectorAsync("svg"))!.BoundingBoxAsync();

            box.Should().NotBeNull(file);
            box!.Width.Should().BeGreaterThan(100, file);
            await page.CloseAsync();
        }
    }

    private async Task<IPage> OpenAsync(string path, int width)
    {
        var page = await _fixture.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        page.SetDefaultTimeout(PageTimeoutMs);
        var response = await page.GotoAsync(new Uri(path).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load, Timeout = PageTimeoutMs });
        response.Should().NotBeNull();
        response!.Ok.Should().BeTrue();
        return page;
    }
}
