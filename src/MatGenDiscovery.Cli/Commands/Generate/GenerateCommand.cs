using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Models.Generative.Training;

namespace MatGenDiscovery.Cli.Commands.Generate;

/// <summary>
/// <c>matgen generate --checkpoint DIR|FILE --count N [--seed S] [--target VALUE] --output OUT.csv</c>: draws N samples
/// from a trained model, decodes them and writes the distinct reduced formulas (first-occurrence order) with, for
/// conditional models, the requested target. Prints one summary line.
/// </summary>
public sealed class GenerateCommand : Command
{
    public GenerateCommand(CliConsole console)
        : base("generate", "Generate compositions from a trained model checkpoint.")
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "A run folder (its newest checkpoint is used) or a .safetensors checkpoint.", Required = true };
        var count = new Option<int>("--count") { Description = "Number of samples to draw (N ≥ 1).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the sampling noise (default 0); same seed, same output.", DefaultValueFactory = _ => 0 };
        var target = new Option<double?>("--target") { Description = "Property value to condition on (conditional models only), in the property's units." };
        var output = new Option<string>("--output") { Description = "Output CSV: formula (reduced) and, for conditional models, target.", Required = true };
        Options.Add(checkpoint);
        Options.Add(count);
        Options.Add(seed);
        Options.Add(target);
        Options.Add(output);
        SetAction((parseResult, _) => CommandRunner.RunAsync(console, () => Run(console, new Settings(
            parseResult.GetValue(checkpoint)!, parseResult.GetValue(count), parseResult.GetValue(seed),
            parseResult.GetValue(target), parseResult.GetValue(output)!))));
    }

    public sealed record Settings(string Checkpoint, int Count, int Seed, double? Target, string Output);

    internal static int Run(CliConsole console, Settings settings)
    {
        if (settings.Count < 1)
        {
            throw new CliException($"--count must be at least 1, got {settings.Count}");
        }

        var path = ResolveCheckpoint(settings.Checkpoint);
        var checkpoint = ModelCheckpoint.Load(path);
        var model = checkpoint.Model;
        var kind = checkpoint.Config.Model.Kind;
        if (!model.CanGenerate)
        {
            throw new CliException($"checkpoint '{path}' holds a {kind}, which reconstructs but does not generate; use a matgan, condgan or condvae checkpoint");
        }

        if (model.IsConditional && settings.Target is null)
        {
            throw new CliException($"checkpoint '{path}' holds a conditional {kind} model: give --target (a {checkpoint.Config.Model.TargetProperty} value)");
        }

        if (!model.IsConditional && settings.Target is not null)
        {
            throw new CliException($"--target: checkpoint '{path}' holds an unconditional {kind} model, which takes no target");
        }

        var watch = Stopwatch.StartNew();
        var set = model.Generate(new GenerationRequest(settings.Count, settings.Seed, settings.Target));
        var generated = watch.Elapsed.TotalSeconds;
        var target = settings.Target?.ToString("R", CultureInfo.InvariantCulture);
        AtomicFile.Write(settings.Output, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            writer.WriteLine(target is null ? "formula" : "formula,target");
            foreach (var composition in set.Unique)
            {
                writer.WriteLine(target is null ? composition.ReducedFormula : $"{composition.ReducedFormula},{target}");
            }
        });
        console.Out.WriteLine(
            $"generated {set.Generated}, decoded {set.Decoded} ({Percent(set.DecodedShare)}), unique {set.Unique.Count} " +
            $"({Percent(set.UniqueShare)} of decoded), valid {set.UniqueValid} ({Percent(set.ValidShare)} of unique, smact14) " +
            $"in {generated.ToString("F2", CultureInfo.InvariantCulture)} s from step {checkpoint.Step} of {kind}; wrote {settings.Output}");
        return CommandRunner.Success;
    }

    private static string ResolveCheckpoint(string path)
    {
        if (Directory.Exists(path))
        {
            return ExperimentRun.LatestCheckpoint(path)?.Path
                ?? throw new CliException($"run folder '{path}' holds no checkpoint (expected {ExperimentRun.CheckpointFolder}/step-*.safetensors)");
        }

        return File.Exists(path) ? path : throw new FileNotFoundException($"checkpoint '{path}' does not exist", path);
    }

    private static string Percent(double share) => (100 * share).ToString("F2", CultureInfo.InvariantCulture) + " %";
}
