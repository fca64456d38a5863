using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Datasets.Loading;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Generative.Autoencoder;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Models.Reporting;
using Spectre.Console;

namespace MatGenDiscovery.Cli.Commands.Evaluate;

/// <summary>
/// <c>matgen evaluate --generated OUT.csv --config C --json REPORT.json [--html REPORT.html] [--autoencoder RUN]</c>:
/// the evaluation suite (validity grid, uniqueness, novelty, recovery of the training and leave-out sets, arity,
/// enrichment over enumeration, Sawada's nearest-composition MAE when the CSV has a <c>target</c> column,
/// cross-database confirmation, optional valency repair, optional autoencoder decodability of the generated set) of
/// generated formulas against the experiment's training set and seeded leave-out split.
/// </summary>
public sealed class EvaluateCommand : Command
{
    public EvaluateCommand(CliConsole console, DataDirectory data)
        : base("evaluate", "Evaluate generated compositions against an experiment's training set, leave-out split and other databases.")
    {
        var generated = new Option<string>("--generated") { Description = "Generated CSV with a 'formula' column (samples in generation order, or distinct formulas with the 'count' and 'first_index' columns matgen generate writes) and an optional 'target' column.", Required = true };
        var config = new Option<string>("--config") { Description = "Experiment config (experiments/*.json) that names the training dataset, filter and leave-out split.", Required = true };
        var json = new Option<string>("--json") { Description = "Output JSON report (snake_case).", Required = true };
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report with SVG charts." };
        var references = new Option<string>("--reference-databases")
        {
            Description = "Comma-separated catalogue names of databases that may confirm novel compositions, e.g. oqmd,icsd (default: none).",
            DefaultValueFactory = _ => "",
        };
        var arities = new Option<string>("--enrichment-arities")
        {
            Description = "Arities enumerated for the enrichment metric over MatGAN's 85 elements, comma-separated, or 'none' (ternary M=8 takes ~20 s on 2 cores, cached).",
            DefaultValueFactory = _ => "2,3",
        };
        var maxCount = new Option<int>("--enrichment-max-count") { Description = "Largest element count M of the enumerated space.", DefaultValueFactory = _ => 8 };
        var repair = new Option<int>("--repair") { Description = "Repair the valency of the first N samples with Metropolis–Hastings and report the effect (0 = off).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int?>("--seed") { Description = "Seed of the valency repair (default: the experiment's seed)." };
        var autoencoder = new Option<string?>("--autoencoder")
        {
            Description = "An autoencoder run folder (its selected checkpoint when training selected one, else its newest) or .safetensors checkpoint: also report how many generated compositions it cannot reconstruct (MatGAN's decodability check).",
        };
        Options.Add(generated);
        Options.Add(config);
        Options.Add(json);
        Options.Add(html);
        Options.Add(references);
        Options.Add(arities);
        Options.Add(maxCount);
        Options.Add(repair);
        Options.Add(seed);
        Options.Add(autoencoder);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () => Run(
            console,
            data,
            new Settings(
                parseResult.GetValue(generated)!,
                parseResult.GetValue(config)!,
                parseResult.GetValue(json)!,
                parseResult.GetValue(html),
                parseResult.GetValue(references)!,
                parseResult.GetValue(arities)!,
                parseResult.GetValue(maxCount),
                parseResult.GetValue(repair),
                parseResult.GetValue(seed),
                parseResult.GetValue(autoencoder)))));
    }

    public sealed record Settings(
        string Generated, string Config, string Json, string? Html, string ReferenceDatabases, string EnrichmentArities,
        int EnrichmentMaxCount, int Repair, int? Seed, string? Autoencoder = null);

    internal static int Run(CliConsole console, DataDirectory data, Settings settings)
    {
        var watch = Stopwatch.StartNew();
        var options = ParseOptions(settings);
        if (!File.Exists(settings.Generated))
        {
            throw new FileNotFoundException($"generated file '{settings.Generated}' does not exist", settings.Generated);
        }

        var autoencoder = settings.Autoencoder is { } autoencoderPath ? LoadAutoencoder(autoencoderPath) : null;
        var experiment = ExperimentConfigSerializer.Load(settings.Config);
        var dataFolder = Path.GetDirectoryName(data.File("elements.csv"))!;
        var prepared = TrainingDataBuilder.Build(experiment, dataFolder);
        var references = ParseNames(settings.ReferenceDatabases)
            .Select(name => new ReferenceDatabase(name, DatasetLoader.Load(dataFolder, name).Rows.Select(r => r.Composition).ToArray()))
            .ToArray();
        var samples = GeneratedSamplesReader.Read(settings.Generated);
        var context = new EvaluationContext(prepared.Train, prepared.TrainTargets, prepared.LeaveOut, references);
        var inputs = new EvaluationInputs(
            Path.GetFullPath(settings.Generated), Path.GetFullPath(settings.Config), experiment.Name, experiment.Data.Dataset,
            experiment.Seed, experiment.Model.TargetProperty, 0, 0, [], 0, 0, 0);
        var report = EvaluationSuite.Evaluate(samples, context, options with { Seed = settings.Seed ?? experiment.Seed }, inputs);
        if (autoencoder is not null)
        {
            report = report with { Decodability = GeneratedDecodability.Measure(autoencoder, samples) };
        }

        AtomicFile.Write(settings.Json, stream => EvaluationReportJson.Write(stream, report));
        if (settings.Html is { } htmlPath)
        {
            AtomicFile.Write(htmlPath, EvaluationHtmlReport.Build(report).Write);
        }

        console.Ansi.Write(SummaryTable(report));
        if (report.Decodability is { } decodability)
        {
            console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"not decodable by the autoencoder: {decodability.NotDecodableDistinct:N0} of {decodability.Distinct:N0} distinct ({Percent(decodability.NotDecodableDistinctShare)}), " +
                $"{decodability.NotDecodableSamples:N0} of {decodability.Samples:N0} decoded samples ({Percent(decodability.NotDecodableSampleShare)})"));
        }

        console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"evaluated {report.Inputs.Samples} samples ({report.Inputs.Unparsable} unparsable) against {report.Inputs.TrainingSize} training and {report.Inputs.LeaveOutSize} leave-out compositions; wrote {settings.Json}{(settings.Html is null ? "" : " and " + settings.Html)} in {watch.Elapsed.TotalSeconds:F1} s"));
        return CommandRunner.Success;
    }

    private static CountMatrixAutoencoder LoadAutoencoder(string path)
    {
        var file = CheckpointPath.Resolve(path, "--autoencoder");
        var checkpoint = ModelCheckpoint.Load(file);
        return checkpoint.Model as CountMatrixAutoencoder
            ?? throw new CliException($"--autoencoder: checkpoint '{file}' holds a {checkpoint.Config.Model.Kind} model, not an {ModelKinds.Autoencoder}");
    }

    private static EvaluationOptions ParseOptions(Settings settings)
    {
        if (settings.EnrichmentMaxCount < 1)
        {
            throw new CliException($"--enrichment-max-count must be at least 1, got {settings.EnrichmentMaxCount}");
        }

        if (settings.Repair < 0)
        {
            throw new CliException($"--repair must be 0 (off) or a positive number of samples, got {settings.Repair}");
        }

        var arities = settings.EnrichmentArities.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)
            ? []
            : ParseNames(settings.EnrichmentArities).Select(ParseArity).ToArray();
        return new EvaluationOptions { EnrichmentArities = arities, EnrichmentMaxCount = settings.EnrichmentMaxCount, RepairSamples = settings.Repair };
    }

    private static int ParseArity(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var arity) && arity is >= 1 and <= 8
            ? arity
            : throw new CliException($"--enrichment-arities: '{text}' is not an arity between 1 and 8 (or use 'none')");

    private static string[] ParseNames(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Table SummaryTable(EvaluationReport report)
    {
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        void Row(string metric, string value) => table.AddRow(Markup.Escape(metric), Markup.Escape(value));
        var valid = report.Validity.FirstOrDefault(c => c is { OxidationStates: "smact14", Alloys: false, Unreduced: false });
        Row("samples / distinct", $"{report.Inputs.Samples:N0} / {report.Inputs.UniqueSamples:N0}");
        Row("undecoded samples", $"{report.Inputs.Undecoded:N0} ({Percent(report.Inputs.UndecodedShare)})");
        if (valid is not null)
        {
            Row("valid (smact14) generated / training", $"{Percent(valid.GeneratedBalanced)} / {Percent(valid.TrainingBalanced)}");
        }

        Row("uniqueness at N", report.Uniqueness.Count == 0 ? "–" : Percent(report.Uniqueness[^1].Share));
        Row("novelty", Percent(report.Novelty.Share));
        Row("recovery training / leave-out",
            $"{Percent(report.Recovery.Training.Share)} / {Percent(report.Recovery.LeaveOut.Share)} (gap {report.Recovery.GapInPoints()})");
        foreach (var e in report.Enrichment)
        {
            Row($"enrichment arity {e.Arity}, M={e.MaxCount}", e.Factor is { } f ? $"{f:F1}× ({Percent(e.GeneratedValidShare)} vs {Percent(e.EnumerationValidShare)})" : "–");
        }

        foreach (var c in report.Confirmation)
        {
            Row($"novel confirmed by {c.Database}", $"{c.Confirmed:N0} of {c.Novel:N0}");
        }

        if (report.Conditional is { } conditional)
        {
            Row("nearest-property MAE / RMSE", $"{conditional.Mae:G4} / {conditional.Rmse:G4}");
            Row("mean nearest distance", conditional.MeanDistance.ToString("G4", CultureInfo.InvariantCulture));
        }

        if (report.Repair is { } repair)
        {
            Row("repair: neutral share raw → repaired", $"{Percent(repair.NeutralShareBefore)} → {Percent(repair.NeutralShareAfter)} ({repair.CannotBeNeutral:N0} of {repair.Count:N0} cannot be neutral)");
        }

        return table;
    }

    private static string Percent(double share) => share.ToString("P2", CultureInfo.InvariantCulture);
}
