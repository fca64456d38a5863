using Microsoft.Playwright;

namespace MatGenDiscovery.Report.Tests;

/// <summary>One report built from the fixture runs, and one headless chromium, shared by the browser tests.</summary>
public sealed class PapersReportFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"matgen-report-tests-{Guid.NewGuid():N}");
    private IPlaywright? _playwright;

    public string ReportFolder => Path.Combine(_root, "report");

    public string RunsFolder => Path.Combine(_root, "runs");

    internal CliOutcome Outcome { get; private set; } = new(-1, "", "");

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var runs = await FixtureRuns.BuildAsync(_root);
        Outcome = await FixtureRuns.RunAsync("report", "papers", "--runs", runs, "--output", ReportFolder, "--map-points", "120", "--seed", "3");
        (_playwright, Browser) = await ChromiumBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
