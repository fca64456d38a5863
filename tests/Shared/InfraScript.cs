using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MatGenDiscovery.Tests.Shared;

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

    /// <summary>A port on 127.0.0.1 that was free a moment ago, as was <paramref name="alsoFreeAtOffset"/> above it.</summary>
    public static int FreeLoopbackPort(int alsoFreeAtOffset = 0)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (alsoFreeAtOffset == 0)
            {
                return port;
            }

            if (port + alsoFreeAtOffset <= 65535 && IsFree(port + alsoFreeAtOffset))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port pair at offset {alsoFreeAtOffset} after 50 attempts.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
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
