using System.Diagnostics;
using Microsoft.Playwright;

namespace MatGenDiscovery.Report.Tests;

/// <summary>
/// Debian's chromium driven by Playwright. When <c>/usr/bin/chromium</c> is missing, <c>scripts/install-chromium.sh</c>
/// (apt-get) runs once; if the browser still cannot be had, the tests fail rather than skip.
/// </summary>
internal static class ChromiumBrowser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        await EnsureInstalledAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(ExecutablePath))
            {
                return;
            }

            using var process = Process.Start(new ProcessStartInfo("bash", [RepositoryPaths.InstallChromiumScript])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("could not start scripts/install-chromium.sh");
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(InstallTimeout);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0 || !File.Exists(ExecutablePath))
            {
                throw new InvalidOperationException(
                    $"{ExecutablePath} is missing and scripts/install-chromium.sh failed (exit {process.ExitCode}): {await stderr}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }
}
