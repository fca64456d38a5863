using System.Diagnostics;

namespace MatGenDiscovery.Cli.Tests;

/// <summary>
/// Runs the real <c>matgen</c> executable and stops it the way a user or a scheduler does (SIGTERM, as Ctrl+C's
/// SIGINT is handled the same way): a training run must finish its step and leave a checkpoint to resume from.
/// </summary>
public sealed class ProcessTerminationTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Train_Sigterm_StopsAfterTheStepAndWritesACheckpoint()
    {
        var config = _folder.File("endless.json");
        File.WriteAllText(config, """
            {
              "name": "endless", "seed": 7,
              "model": { "kind": "matgan", "network": "mlp" },
              "data": { "dataset": "expt-gap", "max_training_rows": 200 },
              "training": { "steps": 10000000, "batch_size": 16, "checkpoint_interval": 10000000, "log_interval": 1 }
            }
            """);
        var output = _folder.File("run");
        using var process = StartMatgen("train", "--config", config, "--output", output);
        try
        {
            var stdout = new System.Text.StringBuilder();
            var firstStep = new TaskCompletionSource();
            process.OutputDataReceived += (_, e) =>
            {
                lock (stdout)
                {
                    stdout.AppendLine(e.Data);
                }

                if (e.Data?.StartsWith("step ", StringComparison.Ordinal) == true)
                {
                    firstStep.TrySetResult();
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            await firstStep.Task.WaitAsync(Limit);
            Signal(process.Id, "TERM");
            using var exited = new CancellationTokenSource(Limit);
            await process.WaitForExitAsync(exited.Token);

            string text;
            lock (stdout)
            {
                text = stdout.ToString();
            }

            text.Should().Contain("stopped at step").And.Contain("--resume");
            var checkpoints = Directory.GetFiles(Path.Combine(output, "checkpoints"), "*.safetensors");
            checkpoints.Should().ContainSingle("the stop writes exactly one checkpoint at the step it reached");
            Directory.GetFiles(Path.Combine(output, "checkpoints"), "*.tmp*").Should().BeEmpty();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process StartMatgen(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "matgen.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["MATGEN_DATA"] = CliHarness.RepositoryData;
        return Process.Start(info) ?? throw new InvalidOperationException("could not start matgen");
    }

    private static void Signal(int processId, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        kill.ExitCode.Should().Be(0, "kill -{0} {1} must reach the process", signal, processId);
    }
}
