using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Tensors.Kernels;
using Spectre.Console;

namespace MatGenDiscovery.Cli.Commands.Bench;

/// <summary>
/// <c>matgen bench gemm [--size N] [--seconds S] [--json]</c>: single-precision N×N×N GEMM throughput on all cores,
/// comparable with <c>experiments/reference/torch_bench.py --what gemm</c>.
/// </summary>
public sealed class BenchGemmCommand : Command
{
    public BenchGemmCommand(CliConsole console)
        : base("gemm", "Measure square single-precision matrix multiply throughput in GFLOP/s (median over 25 ms rounds).")
    {
        var size = new Option<int>("--size") { Description = "Rows, columns and depth of the square matrices (1 to 8192).", DefaultValueFactory = _ => 1024 };
        var seconds = new Option<double>("--seconds") { Description = "Minimum measuring time after warm-up, in seconds (above 0).", DefaultValueFactory = _ => 2.0 };
        var json = new Option<bool>("--json") { Description = "Write one JSON line {\"gflops\": X} instead of a table." };
        Options.Add(size);
        Options.Add(seconds);
        Options.Add(json);
        SetAction((parseResult, _) => CommandRunner.RunAsync(console, () => Run(console, new Settings(
            parseResult.GetValue(size), parseResult.GetValue(seconds), parseResult.GetValue(json)))));
    }

    public sealed record Settings(int Size, double Seconds, bool Json);

    internal static int Run(CliConsole console, Settings settings)
    {
        if (settings.Size is < 1 or > 8192 || !(settings.Seconds > 0) || settings.Seconds > 3600)
        {
            throw new CliException(
                $"--size must be between 1 and 8192 (got {settings.Size}) and --seconds between 0 (exclusive) and 3600 (got {settings.Seconds.ToString(CultureInfo.InvariantCulture)}).");
        }

        double gflops = GemmBenchmark.MeasureGflops(settings.Size, TimeSpan.FromSeconds(settings.Seconds));
        if (settings.Json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new { gflops }));
        }
        else
        {
            var table = new Table().AddColumns("size", "GFLOP/s");
            table.AddRow(settings.Size.ToString(CultureInfo.InvariantCulture), gflops.ToString("F1", CultureInfo.InvariantCulture));
            console.Ansi.Write(table);
        }

        return CommandRunner.Success;
    }
}
