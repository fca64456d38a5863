using System.Diagnostics;
using System.Text.Json;

namespace MatGenDiscovery.LoadBenchmark;

/// <summary>
/// A worker started as a child process (<c>dotnet MatGenDiscovery.LoadBenchmark.dll worker …</c>). The broker
/// password travels in its environment, never on its command line. Closing its standard input stops it.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _peakWorkingSet;

    private WorkerProcess(Process process)
    {
        _process = process;
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
    public static async Task<WorkerProcess> StartAsync(string brokerUri, string password, string dataFolder, int prefetch, TimeSpan readyTimeout)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { typeof(WorkerProcess).Assembly.Location, "worker", "--broker", brokerUri, "--data", dataFolder, "--prefetch", prefetch.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[BrokerAddress.PasswordVariable] = password;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a worker process");
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Receive(e.Data, isOutput: true);
        process.ErrorDataReceived += (_, e) => worker.Receive(e.Data, isOutput: false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(worker._ready.Task, exited, Task.Delay(readyTimeout));
        if (first != worker._ready.Task)
        {
            var output = string.Join(Environment.NewLine, worker.Output.TakeLast(20));
            worker.Dispose();
            throw new InvalidOperationException(
                $"worker process {(first == exited ? "exited" : $"was not ready within {readyTimeout.TotalSeconds:0} s")}; its output:{Environment.NewLine}{output}");
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

    /// <summary>Closes the worker's input, waits for it to drain and exit, and reads its counts.</summary>
    /// <exception cref="InvalidOperationException">It did not exit in time or printed no report.</exception>
    public async Task<WorkerReport> StopAsync(TimeSpan timeout)
    {
        SampleMemory();
        _process.StandardInput.Close();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"worker {ProcessId} did not stop within {timeout.TotalSeconds:0} s");
        }

        var last = Output.LastOrDefault(line => line.StartsWith('{'));
        return last is not null && JsonSerializer.Deserialize<WorkerReport>(last) is { } report
            ? report
            : throw new InvalidOperationException($"worker {ProcessId} exited with code {_process.ExitCode} without a report: {string.Join(" | ", Output.TakeLast(10))}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Receive(string? line, bool isOutput)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (isOutput && line == WorkerHost.ReadyLine)
        {
            _ready.TrySetResult();
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
