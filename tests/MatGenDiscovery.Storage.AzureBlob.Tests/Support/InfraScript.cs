using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MatGenDiscovery.Storage.AzureBlob.Tests.Support;

/// <summary>Runs the repository's <c>infra/**/*.sh</c> server scripts with a time limit.</summary>
internal static class InfraScript
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <exception cref="InvalidOperationException">The script failed or ran past <paramref name="timeout"/>; the message carries its output.</exception>
    public static string Run(string script, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, script)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start bash {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish within {timeout.TotalSeconds:0} s. Output: {stdout.Result}{stderr.Result}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed with exit code {process.ExitCode}: {stderr.Result.Trim()} {stdout.Result.Trim()}");
        }

        return stdout.Result.Trim();
    }

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MatGenDiscovery.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MatGenDiscovery.sln above {AppContext.BaseDirectory}.");
    }
}
