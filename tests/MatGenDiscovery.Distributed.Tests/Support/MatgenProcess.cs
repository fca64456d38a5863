using System.Diagnostics;

namespace MatGenDiscovery.Distributed.Tests.Support;

/// <summary>
/// One <c>dotnet matgen.dll …</c> process with its output lines captured. Every wait is bounded; disposing kills the
/// process tree if it still runs.
/// </summary>
public sealed class MatgenProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly List<string> _error = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MatgenProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (_gate)
            {
                return _output.ToList();
            }
        }
    }

    public IReadOnlyList<string> ErrorLines
    {
        get
        {
            lock (_gate)
            {
                return _error.ToList();
            }
        }
    }

    public static MatgenProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [MatgenAssembly.Path, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = InfraScript.RepositoryRoot,
        };
        start.Environment.Remove("MATGEN_BROKER");
        start.Environment.Remove("MATGEN_BLOB_CONNECTION_STRING");
        start.Environment["MATGEN_DATA"] = Path.Combine(InfraScript.RepositoryRoot, "data");
        start.Environment["COLUMNS"] = "200";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var matgen = new MatgenProcess(process);
        process.OutputDataReceived += (_, e) => matgen.Append(e.Data, matgen._output, matgen._outputClosed);
        process.ErrorDataReceived += (_, e) => matgen.Append(e.Data, matgen._error, matgen._errorClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return matgen;
    }

    /// <summary>Waits until an output line satisfies <paramref name="predicate"/> and returns it.</summary>
    /// <exception cref="TimeoutException">No such line within <paramref name="timeout"/>, or the process exited first; the message carries the output.</exception>
    public async Task<string> WaitForOutputAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (OutputLines.FirstOrDefault(predicate) is { } line)
            {
                return line;
            }

            if (_process.HasExited && _outputClosed.Task.IsCompleted)
            {
                break;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no matching output line within {timeout.TotalSeconds:0} s (exited: {_process.HasExited}). {Transcript()}");
    }

    /// <summary>Waits for the exit and for the output to be drained.</summary>
    /// <exception cref="TimeoutException">Still running after <paramref name="timeout"/> (the process is killed).</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(TimeSpan.FromSeconds(10));
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"matgen still running after {timeout.TotalSeconds:0} s. {Transcript()}");
        }
    }

    /// <summary>
    /// SIGTERM, as a service manager or <c>kill</c> sends. It takes the same cancellation path as Ctrl+C (SIGINT), which
    /// cannot be tested reliably: a process started in the background of a non-interactive shell, as CI may run the
    /// tests, inherits SIGINT as ignored.
    /// </summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill?.WaitForExit(10_000);
    }

    /// <summary>SIGKILL for the process and its children (like <c>kill -9</c>).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public string Transcript() => $"stdout: {string.Join(" | ", OutputLines)} stderr: {string.Join(" | ", ErrorLines)}";

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line, List<string> lines, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (_gate)
        {
            lines.Add(line);
        }
    }
}
