using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Validity;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Models.Repair;
using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Models.Generative.Training;

namespace MatGenDiscovery.Cli.Commands.Generate;

/// <summary>
/// <c>matgen generate --checkpoint DIR|FILE --count N [--seed S] [--target VALUE] [--repair] --output OUT.csv</c>: draws
/// N samples from a trained model, decodes them and writes the distinct reduced formulas (first-occurrence order) with,
/// for conditional models, the requested target. With <c>--repair</c> each distinct formula goes through the
/// Metropolis–Hastings valency repair and the file holds the distinct repaired formulas plus an <c>original</c> column
/// (the first generated formula that led to each). Prints one summary line.
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
        var repair = new Option<bool>("--repair") { Description = "Repair valency (Metropolis–Hastings over oxidation states, smact14) of each distinct formula." };
        var output = new Option<string>("--output") { Description = "Output CSV: formula (reduced), for conditional models target, with --repair original.", Required = true };
        Options.Add(checkpoint);
        Options.Add(count);
        Options.Add(seed);
        Options.Add(target);
        Options.Add(repair);
        Options.Add(output);
        SetAction((parseResult, _) => CommandRunner.RunAsync(console, () => Run(console, new Settings(
            parseResult.GetValue(checkpoint)!, parseResult.GetValue(count), parseResult.GetValue(seed),
            parseResult.GetValue(target), parseResult.GetValue(repair), parseResult.GetValue(output)!))));
    }

    public sealed record Settings(string Checkpoint, int Count, int Seed, double? Target, bool Repair, string Output);

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
        var rows = set.Unique.Select(c => (Formula: c, Original: c)).ToList();
        var repairNote = "";
        if (settings.Repair)
        {
            (rows, repairNote) = Repair(set.Unique, settings.Seed);
        }

        var target = settings.Target?.ToString("R", CultureInfo.InvariantCulture);
        AtomicFile.Write(settings.Output, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            writer.WriteLine("formula" + (target is null ? "" : ",target") + (settings.Repair ? ",original" : ""));
            foreach (var (formula, original) in rows)
            {
                writer.WriteLine(formula.ReducedFormula + (target is null ? "" : $",{target}") + (settings.Repair ? $",{original.ReducedFormula}" : ""));
            }
        });
        console.Out.WriteLine(
            $"generated {set.Generated}, decoded {set.Decoded} ({Percent(set.DecodedShare)}), unique {set.Unique.Count} " +
            $"({Percent(set.UniqueShare)} of decoded), valid {set.UniqueValid} ({Percent(set.ValidShare)} of unique, smact14) " +
            $"in {generated.ToString("F2", CultureInfo.InvariantCulture)} s from step {checkpoint.Step} of {kind}{repairNote}; wrote {settings.Output}");
        return CommandRunner.Success;
    }

    /// <summary>Repairs each distinct formula (item i seeded with seed + i) and keeps the distinct results in order.</summary>
    private static (List<(Composition Formula, Composition Original)> Rows, string Note) Repair(IReadOnlyList<Composition> unique, int seed)
    {
        var results = ValencyRepair.RepairAll(unique, new ValencyRepairOptions(), seed);
        var seen = new HashSet<Composition>();
        var rows = new List<(Composition, Composition)>();
        foreach (var result in results)
        {
            var repaired = result.Repaired.Reduced();
            if (seen.Add(repaired))
            {
                rows.Add((repaired, result.Original));
            }
        }

        var validator = new SmactValidator();
        var valid = rows.Count(r => validator.Check(r.Item1).Valid);
        var note = $"; repaired {results.Count(r => r.Changed)} of {results.Length}, {rows.Count} distinct after repair, " +
            $"valid {valid} ({Percent(rows.Count == 0 ? 0 : (double)valid / rows.Count)})";
        return (rows, note);
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
