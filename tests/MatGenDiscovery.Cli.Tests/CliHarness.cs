using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Tests;

/// <summary>Runs the real command tree in-process against string writers and the repository's bundled data.</summary>
public static class CliHarness
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = CliConsole.ForWriters(output, error);
        var exitCode = await CliApplication.RunAsync(args, console, DataDirectory.At(RepositoryData));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static string RepositoryData { get; } = FindRepositoryData();

    private static string FindRepositoryData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var data = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(data, "elements.csv")))
            {
                return data;
            }
        }

        throw new InvalidOperationException("the repository's data/ folder was not found above the test binaries");
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error);
