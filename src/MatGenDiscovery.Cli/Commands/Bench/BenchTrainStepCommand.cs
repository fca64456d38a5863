using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.NeuralNetworks.Benchmarks;
using Spectre.Console;

namespace MatGenDiscovery.Cli.Commands.Bench;

/// <summary>
/// <c>matgen bench train-step --model matgan-mp|mlp --batch B --steps S [--warmup W (30)] [--seed N] [--json]</c>:
/// WGAN-GP train steps per second on synthetic compositions, comparable with experiments/reference/torch_bench.py.
/// </summary>
public sealed class BenchTrainStepCommand : Command
{
    private static readonly Dictionary<string, TrainStepModel> Models = new(StringComparer.Ordinal)
    {
        ["matgan-mp"] = TrainStepModel.MatGanMp,
        ["mlp"] = TrainStepModel.Mlp,
    };

    public BenchTrainStepCommand(CliConsole console)
        : base("train-step", "Time WGAN-GP train steps (one critic + one generator Adam update) and report samples per second.")
    {
        var model = new Option<string>("--model")
        {
            Description = "Network pair: matgan-mp (MatGAN convolutional) or mlp (fully connected).",
            DefaultValueFactory = _ => "matgan-mp",
        };
        var batch = new Option<int>("--batch") { Description = "Samples per batch (at least 2).", DefaultValueFactory = _ => 64 };
        var steps = new Option<int>("--steps") { Description = "Timed train steps (at least 1).", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup")
        {
            Description = "Untimed steps before timing; the default lets .NET tiered compilation reach optimised code first (operations called once or twice per step need tens of steps).",
            DefaultValueFactory = _ => 30,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of weights, latents and synthetic data.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Write one JSON line instead of a table." };
        Options.Add(model);
        Options.Add(batch);
        Options.Add(steps);
        Options.Add(warmup);
        Options.Add(seed);
        Options.Add(json);
        SetAction((parseResult, _) => CommandRunner.RunAsync(console, () => Run(console, new Settings(
            parseResult.GetValue(model)!, parseResult.GetValue(batch), parseResult.GetValue(steps),
            parseResult.GetValue(warmup), parseResult.GetValue(seed), parseResult.GetValue(json)))));
    }

    public sealed record Settings(string Model, int Batch, int Steps, int Warmup, int Seed, bool Json);

    internal static int Run(CliConsole console, Settings settings)
    {
        if (!Models.TryGetValue(settings.Model, out var model))
        {
            throw new CliException($"--model '{settings.Model}' is not one of: {string.Join(", ", Models.Keys)}.");
        }

        if (settings.Batch < 2 || settings.Steps < 1 || settings.Warmup < 0)
        {
            throw new CliException(
                $"--batch must be at least 2 (got {settings.Batch}), --steps at least 1 (got {settings.Steps}) and --warmup non-negative (got {settings.Warmup}).");
        }

        var result = TrainStepBenchmark.Run(model, settings.Batch, settings.Steps, settings.Warmup, settings.Seed);
        if (settings.Json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                model = settings.Model,
                batch = result.Batch,
                steps = result.Steps,
                samples_per_second = result.SamplesPerSecond,
            }));
        }
        else
        {
            var table = new Table().AddColumns("model", "batch", "steps", "seconds", "samples/s");
            table.AddRow(
                Markup.Escape(settings.Model),
                result.Batch.ToString(CultureInfo.InvariantCulture),
                result.Steps.ToString(CultureInfo.InvariantCulture),
                result.Seconds.ToString("F3", CultureInfo.InvariantCulture),
                result.SamplesPerSecond.ToString("F1", CultureInfo.InvariantCulture));
            console.Ansi.Write(table);
        }

        return CommandRunner.Success;
    }
}
