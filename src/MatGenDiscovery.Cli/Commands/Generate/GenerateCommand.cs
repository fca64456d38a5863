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
/// <c>matgen generate --checkpoint DIR|FILE --count N [--seed S] [--target VALUE...] [--repair] --output OUT.csv</c>:
/// draws N samples from a trained model, decodes, validates (smact14) and deduplicates them, and writes the distinct
/// reduced formulas in first-occurrence order with <c>count</c> (samples that gave it) and <c>first_index</c> (0-based
/// index of its first sample) and, for conditional models, the requested target; a last row with an empty formula
/// counts the samples that decoded to nothing. The file thus stays small at millions of samples yet gives the exact
/// uniqueness curve. A conditional model takes one or more targets: each draws its own N samples with the same seed
/// (as separate calls would), one part after the other in the file, its sample indices following the parts before
/// (part k's first sample is k·N). With <c>--repair</c> each distinct formula goes through the Metropolis–Hastings
/// valency repair and the file holds the distinct repaired formulas plus an <c>original</c> column (the earliest
/// generated formula that led to each). Prints one summary line per target.
/// </summary>
public sealed class GenerateCommand : Command
{
    public GenerateCommand(CliConsole console)
        : base("generate", "Generate compositions from a trained model checkpoint.")
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "A run folder (its selected checkpoint when training selected one, else its newest) or a .safetensors checkpoint.", Required = true };
        var count = new Option<int>("--count") { Description = "Number of samples to draw (N ≥ 1).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the sampling noise (default 0); same seed, same output.", DefaultValueFactory = _ => 0 };
        var target = new Option<double[]>("--target")
        {
            Description = "Property value(s) to condition on (conditional models only), in the property's units; N samples for each.",
            AllowMultipleArgumentsPerToken = true,
        };
        var repair = new Option<bool>("--repair") { Description = "Repair valency (Metropolis–Hastings over oxidation states, smact14) of each distinct formula." };
        var output = new Option<string>("--output") { Description = "Output CSV: formula (reduced), count, first_index, for conditional models target, with --repair original; a row with an empty formula counts undecoded samples.", Required = true };
        Options.Add(checkpoint);
        Options.Add(count);
        Options.Add(seed);
        Options.Add(target);
        Options.Add(repair);
        Options.Add(output);
        SetAction((parseResult, _) => CommandRunner.RunAsync(console, () => Run(console, new Settings(
            parseResult.GetValue(checkpoint)!, parseResult.GetValue(count), parseResult.GetValue(seed),
            parseResult.GetValue(target) ?? [], parseResult.GetValue(repair), parseResult.GetValue(output)!))));
    }

    /// <param name="Targets">Empty for an unconditional model; one or more values for a conditional one.</param>
    public sealed record Settings(string Checkpoint, int Count, int Seed, IReadOnlyList<double> Targets, bool Repair, string Output);

    internal static int Run(CliConsole console, Settings settings)
    {
        if (settings.Count < 1)
        {
            throw new CliException($"--count must be at least 1, got {settings.Count}");
        }

        var path = CheckpointPath.Resolve(settings.Checkpoint, "--checkpoint");
        var checkpoint = ModelCheckpoint.Load(path);
        var model = checkpoint.Model;
        var kind = checkpoint.Config.Model.Kind;
        if (!model.CanGenerate)
        {
            throw new CliException($"checkpoint '{path}' holds a {kind}, which reconstructs but does not generate; use a matgan, condgan or condvae checkpoint");
        }

        if (model.IsConditional && settings.Targets.Count == 0)
        {
            throw new CliException($"checkpoint '{path}' holds a conditional {kind} model: give --target (a {checkpoint.Config.Model.TargetProperty} value)");
        }

        if (!model.IsConditional && settings.Targets.Count > 0)
        {
            throw new CliException($"--target: checkpoint '{path}' holds an unconditional {kind} model, which takes no target");
        }

        if (settings.Targets.Any(t => !double.IsFinite(t)))
        {
            throw new CliException($"--target must be finite, got {string.Join(" ", settings.Targets.Select(t => t.ToString(CultureInfo.InvariantCulture)))}");
        }

        if ((long)settings.Count * Math.Max(1, settings.Targets.Count) > int.MaxValue)
        {
            throw new CliException($"--count {settings.Count} for each of {settings.Targets.Count} targets exceeds {int.MaxValue} samples in one file");
        }

        var watch = Stopwatch.StartNew();
        var targets = model.IsConditional ? settings.Targets.Select(t => (double?)t).ToArray() : [null];
        var parts = new List<Part>();
        foreach (var target in targets)
        {
            var (part, summary) = Draw(model, settings, target, offset: parts.Count * settings.Count, $"step {checkpoint.Step} of {kind}");
            parts.Add(part);
            console.Out.WriteLine(summary);
        }

        Write(settings, parts);
        console.Out.WriteLine($"wrote {settings.Output} ({watch.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s in all)");
        return CommandRunner.Success;
    }

    /// <summary>
    /// Draws one part (the samples for one target, or all of an unconditional model's), its sample indices starting at
    /// <paramref name="offset"/>, repaired when asked, and a summary of it naming <paramref name="source"/>.
    /// </summary>
    private static (Part Part, string Summary) Draw(GenerativeModel model, Settings settings, double? target, int offset, string source)
    {
        var watch = Stopwatch.StartNew();
        var set = model.Generate(new GenerationRequest(settings.Count, settings.Seed, target));
        var seconds = watch.Elapsed.TotalSeconds;
        var rows = Rows(set, offset);
        var repairNote = "";
        if (settings.Repair)
        {
            (rows, repairNote) = Repair(rows, settings.Seed);
        }

        var summary = (target is { } t ? $"target {t.ToString("R", CultureInfo.InvariantCulture)}: " : "") +
            $"generated {set.Generated}, decoded {set.Decoded} ({Percent(set.DecodedShare)}{OverMaxNote(set)}), unique {set.Unique.Count} " +
            $"({Percent(set.UniqueShare)} of decoded), valid {set.UniqueValid} ({Percent(set.ValidShare)} of unique, smact14) " +
            $"in {seconds.ToString("F2", CultureInfo.InvariantCulture)} s (sampling, decoding, validation, deduplication) from {source}{repairNote}";
        return (new Part(target, set, rows, offset), summary);
    }

    /// <summary>The distinct formulas of one part, their sample indices shifted by <paramref name="offset"/>.</summary>
    private static List<Row> Rows(GeneratedSet set, int offset) =>
        set.Unique.Select((c, i) => new Row(c, c, set.Counts?[i] ?? 1, offset + (set.FirstIndices?[i] ?? i))).ToList();

    private static void Write(Settings settings, List<Part> parts)
    {
        var conditional = parts[0].Target is not null;
        AtomicFile.Write(settings.Output, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            writer.WriteLine("formula,count,first_index" + (conditional ? ",target" : "") + (settings.Repair ? ",original" : ""));
            foreach (var part in parts)
            {
                var target = part.Target is { } value ? "," + value.ToString("R", CultureInfo.InvariantCulture) : "";
                foreach (var row in part.Rows)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{row.Formula.ReducedFormula},{row.Count},{row.FirstIndex}{target}{(settings.Repair ? "," + row.Original.ReducedFormula : "")}"));
                }

                if (part.Set.Rejected > 0)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $",{part.Set.Rejected},{part.Offset + part.Set.FirstRejectedIndex}{target}{(settings.Repair ? "," : "")}"));
                }
            }
        });
    }

    /// <summary>The samples drawn for one target (none for an unconditional model) and the rows they give.</summary>
    private sealed record Part(double? Target, GeneratedSet Set, List<Row> Rows, int Offset);

    /// <summary>
    /// Repairs each distinct formula (item i seeded with seed + i) and merges rows that repair to the same formula
    /// (counts summed, earliest first index and its original kept), in order of first appearance.
    /// </summary>
    private static (List<Row> Rows, string Note) Repair(List<Row> rows, int seed)
    {
        var results = ValencyRepair.RepairAll(rows.Select(r => r.Formula).ToArray(), new ValencyRepairOptions(), seed);
        var positions = new Dictionary<CompositionKey, int>();
        var repaired = new List<Row>();
        for (var i = 0; i < results.Length; i++)
        {
            var formula = results[i].Repaired.Reduced();
            if (positions.TryGetValue(formula.Key, out var position))
            {
                var merged = repaired[position];
                repaired[position] = merged with { Count = merged.Count + rows[i].Count };
            }
            else
            {
                positions.Add(formula.Key, repaired.Count);
                repaired.Add(new Row(formula, results[i].Original, rows[i].Count, rows[i].FirstIndex));
            }
        }

        var validator = new SmactValidator();
        var valid = repaired.Count(r => validator.Check(r.Formula).Valid);
        var note = $"; repaired {results.Count(r => r.Changed)} of {results.Length}, {repaired.Count} distinct after repair, " +
            $"valid {valid} ({Percent(repaired.Count == 0 ? 0 : (double)valid / repaired.Count)})";
        return (repaired, note);
    }

    /// <summary>A distinct output formula, the generated formula it came from, its sample count and first sample index.</summary>
    private sealed record Row(Composition Formula, Composition Original, int Count, int FirstIndex);

    private static string OverMaxNote(GeneratedSet set) =>
        set.OverMaxElements == 0 ? "" : $"; {set.OverMaxElements} of the {set.Rejected} undecoded had too many elements";

    private static string Percent(double share) => (100 * share).ToString("F2", CultureInfo.InvariantCulture) + " %";
}
