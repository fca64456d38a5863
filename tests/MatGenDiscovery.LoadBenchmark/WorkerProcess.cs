using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MatGenDiscovery.LoadBenchmark;

/// <summary>
/// A <c>matgen silo --roles generator,validator</c> worker started as a child process (<c>dotnet matgen.dll</c>,
/// copied next to this assembly by the project reference). The broker URI, which holds the password, travels in its
/// environment (<c>MATGEN_BROKER</c>), never on its command line. SIGTERM stops it.
/// </summary>
internal sealed partial class WorkerProcess : IDisposable
{
    private const string ReadyPrefix = "silo: ready";
    private const int SignalTerminate = 15;

    private readonly Process _process;
    private readonly string _storeFolder;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _peakWorkingSet;

    private WorkerProcess(Process process, string storeFolder)
    {
        _process = process;
        _storeFolder = storeFolder;
    }

    /// <summary>Every line the worker wrote (standard output and error), for diagnostics and secret checks.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToList();
            }
        }
    }

    public int ProcessId => _process.Id;

    /// <summary>Peak resident set in bytes (Linux: VmHWM), as last sampled.</summary>
    public long PeakWorkingSetBytes => Interlocked.Read(ref _peakWorkingSet);

    /// <exception cref="InvalidOperationException">The worker exited or was not ready within <paramref name="readyTimeout"/>.</exception>
    public static async Task<WorkerProcess> StartAsync(string brokerUri, string dataFolder, int concurrency, TimeSpan readyTimeout)
    {
        var matgen = Path.Combine(AppContext.BaseDirectory, "matgen.dll");
        if (!File.Exists(matgen))
        {
            throw new InvalidOperationException($"{matgen} not found; build the load benchmark project (it references the CLI)");
        }

        var storeFolder = Path.Combine(Path.GetTempPath(), $"matgen-load-worker-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { matgen, "silo", "--store", $"fs:{storeFolder}", "--roles", "generator,validator", "--concurrency", concurrency.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MATGEN_BROKER"] = brokerUri;
        start.Environment["MATGEN_DATA"] = dataFolder;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a 'matgen silo' worker process");
        var worker = new WorkerProcess(process, storeFolder);
        process.OutputDataReceived += (_, e) => worker.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Receive(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(worker._ready.Task, exited, Task.Delay(readyTimeout));
        if (first != worker._ready.Task)
        {
            var output = string.Join(Environment.NewLine, worker.Output.TakeLast(20));
            worker.Dispose();
            throw new InvalidOperationException(
                $"'matgen silo' worker {(first == exited ? "exited" : $"was not ready within {readyTimeout.TotalSeconds:0} s")}; its output:{Environment.NewLine}{output}");
        }

        return worker;
    }

    public void SampleMemory()
    {
        try
        {
            _process.Refresh();
            var peak = Math.Max(_process.PeakWorkingSet64, _process.WorkingSet64);
            if (peak > Interlocked.Read(ref _peakWorkingSet))
            {
                Interlocked.Exchange(ref _peakWorkingSet, peak);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between samples.
        }
    }

    /// <summary>Sends SIGTERM, waits for the worker to exit, and counts the batches it ran.</summary>
    /// <exception cref="InvalidOperationException">It did not exit in time.</exception>
    public async Task<WorkerReport> StopAsync(TimeSpan timeout)
    {
        SampleMemory();
        _ = Kill(_process.Id, SignalTerminate);
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"worker {ProcessId} did not stop within {timeout.TotalSeconds:0} s of SIGTERM");
        }

        var output = Output;
        return new WorkerReport(
            output.Count(line => line.StartsWith("silo: batch GenerateAsync ", StringComparison.Ordinal)),
            output.Count(line => line.StartsWith("silo: batch ValidateAsync ", StringComparison.Ordinal)),
            ProcessId);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        if (Directory.Exists(_storeFolder))
        {
            Directory.Delete(_storeFolder, recursive: true);
        }
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
