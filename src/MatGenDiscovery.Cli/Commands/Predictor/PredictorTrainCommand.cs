using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Datasets.Catalog;
using MatGenDiscovery.Datasets.Loading;
using MatGenDiscovery.Models.Predictors.Evaluation;
using MatGenDiscovery.Models.Predictors.Gbdt;
using MatGenDiscovery.Models.Predictors.Mlp;
using MatGenDiscovery.Models.Predictors.Storage;
using MatGenDiscovery.Models.Predictors.Training;
using Spectre.Console;

namespace MatGenDiscovery.Cli.Commands.Predictor;

/// <summary>
/// <c>matgen predictor train --dataset mp --target formation_energy|band_gap --model gbdt|mlp --output DIR</c>: seeded
/// 10 % test split by composition, ensemble training, test MAE/RMSE/R², σ calibration (and metal-classifier metrics),
/// then the model folder (members + <c>model.json</c>) written atomically into DIR.
/// </summary>
public sealed class PredictorTrainCommand : Command
{
    private const string FractionInputs = "fractions";
    private const string MagpieInputs = "fractions-magpie";

    private static readonly Dictionary<string, string[]> TargetAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["formation_energy"] = ["formation_energy_per_atom", "formation_enthalpy"],
        ["band_gap"] = ["band_gap", "band_gap_expt"],
    };

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public PredictorTrainCommand(CliConsole console, DataDirectory data)
        : base("train", "Train a property predictor ensemble on a bundled dataset and report held-out metrics.")
    {
        var dataset = new Option<string>("--dataset") { Description = "Bundled dataset (see 'datasets list'), e.g. mp.", DefaultValueFactory = _ => "mp" };
        var target = new Option<string>("--target") { Description = "Property: formation_energy, band_gap, or a dataset column name.", Required = true };
        var model = new Option<string>("--model") { Description = "gbdt (Magpie features), mlp (ElemNet-style network on element fractions) or gbdt+mlp (average of both, weights chosen on the validation split).", DefaultValueFactory = _ => GbdtPredictor.Kind };
        var ensemble = new Option<int?>("--ensemble") { Description = "Ensemble members K (σ is their spread); default 5 for gbdt, 3 for mlp and for each part of gbdt+mlp." };
        var seed = new Option<int>("--seed") { Description = "Seed of the test/validation splits and of every member.", DefaultValueFactory = _ => 42 };
        var preset = new Option<string>("--preset") { Description = $"GBDT hyperparameters: {string.Join(", ", GbdtPresets.Names)}.", DefaultValueFactory = _ => GbdtPresets.Default };
        var features = new Option<string>("--features")
        {
            Description = "GBDT inputs: magpie (145 Magpie features) or magpie-fractions (plus atomic fractions of H…Pu, 239 columns).",
            DefaultValueFactory = _ => GbdtFeatureSet.Magpie.ShortName,
        };
        var classifier = new Option<bool>("--classifier") { Description = "Also train the metal vs non-metal GBDT head (band gap, gbdt only)." };
        var output = new Option<string>("--output") { Description = "Model folder to write (members and model.json).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the metrics as JSON instead of a table." };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N rows that have the target (quick runs)." };
        var epochs = new Option<int?>("--epochs") { Description = "MLP: maximum epochs (default 40; early stopping on validation MAE)." };
        var hidden = new Option<string?>("--hidden") { Description = "MLP: hidden layer widths, comma-separated (default 1024,512,256,128,64)." };
        var cosine = new Option<bool>("--cosine") { Description = "MLP: cosine learning-rate schedule from the initial rate to 0 over --epochs." };
        var patience = new Option<int?>("--patience") { Description = "MLP: stop after this many epochs without validation gain (default 8); with --cosine, --patience equal to --epochs runs the schedule to its end (the best epoch is kept either way)." };
        var mlpEnsemble = new Option<int?>("--mlp-ensemble") { Description = "MLP members (mlp, or the MLP part of gbdt+mlp); default --ensemble." };
        var mlpInputs = new Option<string>("--mlp-inputs")
        {
            Description = $"MLP inputs: {FractionInputs} (element fractions, ElemNet) or {MagpieInputs} (plus the 145 Magpie features standardised on the training rows).",
            DefaultValueFactory = _ => FractionInputs,
        };
        foreach (var option in new Option[] { dataset, target, model, ensemble, seed, preset, features, classifier, output, json, limit, epochs, hidden, cosine, patience, mlpEnsemble, mlpInputs })
        {
            Options.Add(option);
        }

        SetAction((parseResult, _) => CommandRunner.RunAsync(console, () => Run(
            console,
            data,
            new Settings(
                parseResult.GetValue(dataset)!,
                parseResult.GetValue(target)!,
                parseResult.GetValue(model)!,
                parseResult.GetValue(ensemble),
                parseResult.GetValue(seed),
                parseResult.GetValue(preset)!,
                parseResult.GetValue(features)!,
                parseResult.GetValue(classifier),
                parseResult.GetValue(output)!,
                parseResult.GetValue(json),
                parseResult.GetValue(limit),
                parseResult.GetValue(epochs),
                parseResult.GetValue(hidden),
                parseResult.GetValue(cosine),
                parseResult.GetValue(mlpEnsemble),
                parseResult.GetValue(mlpInputs)!,
                parseResult.GetValue(patience)))));
    }

    public sealed record Settings(
        string Dataset, string Target, string Model, int? Ensemble, int Seed, string Preset, string Features, bool Classifier, string Output,
        bool Json, int? Limit, int? Epochs, string? Hidden, bool Cosine = false, int? MlpEnsemble = null, string MlpInputs = FractionInputs,
        int? Patience = null);

    internal static int Run(CliConsole console, DataDirectory data, Settings settings)
    {
        var descriptor = DatasetCatalog.Get(settings.Dataset);
        var request = Request(settings, ResolveTarget(descriptor, settings.Target));
        var watch = Stopwatch.StartNew();
        var dataset = DatasetLoader.LoadFile(data.File(descriptor.FileName), descriptor.Name, descriptor.FormulaColumn, descriptor.PropertyColumns);
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{watch.Elapsed.TotalSeconds,6:F1} s] loaded {dataset.Rows.Count} rows of '{descriptor.Name}'"));
        var progress = new SynchronousProgress(update => console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[{watch.Elapsed.TotalSeconds,6:F1} s] {update.Stage} {update.Completed}/{update.Total}{(update.Detail is null ? "" : " " + update.Detail)}")));
        var result = PredictorTraining.Run(dataset, request, progress);
        var manifest = PredictorStore.Save(settings.Output, result.Predictor, result.Manifest);
        if (settings.Json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new { output = settings.Output, manifest }, JsonOptions));
        }
        else
        {
            console.Ansi.Write(MetricsTable(manifest, result.Evaluation));
            console.Out.WriteLine($"wrote {manifest.Kind} model ({manifest.MemberFiles.Count} members) to {settings.Output}");
        }

        return CommandRunner.Success;
    }

    private static PredictorTrainingRequest Request(Settings settings, string target)
    {
        var kind = settings.Model.ToLowerInvariant();
        if (kind is not (GbdtPredictor.Kind or MlpPredictor.Kind or PredictorTraining.CombinedKind))
        {
            throw new CliException($"unknown --model '{settings.Model}'; expected {GbdtPredictor.Kind}, {MlpPredictor.Kind} or {PredictorTraining.CombinedKind}");
        }

        if (!GbdtPresets.Names.Contains(settings.Preset, StringComparer.OrdinalIgnoreCase))
        {
            throw new CliException($"unknown --preset '{settings.Preset}'; expected one of {string.Join(", ", GbdtPresets.Names)}");
        }

        var features = GbdtFeatureSet.Find(settings.Features)
            ?? throw new CliException($"unknown --features '{settings.Features}'; expected {string.Join(" or ", GbdtFeatureSet.All.Select(set => set.ShortName))}");
        var magpieInputs = settings.MlpInputs.ToLowerInvariant() switch
        {
            FractionInputs => false,
            MagpieInputs => true,
            _ => throw new CliException($"unknown --mlp-inputs '{settings.MlpInputs}'; expected {FractionInputs} or {MagpieInputs}"),
        };
        if (settings.MlpEnsemble is < 1)
        {
            throw new CliException($"--mlp-ensemble {settings.MlpEnsemble} must be at least 1");
        }

        if (settings.Ensemble is < 1)
        {
            throw new CliException($"--ensemble {settings.Ensemble} must be at least 1");
        }

        var mlp = new MlpOptions { CosineSchedule = settings.Cosine, MagpieInputs = magpieInputs };
        if (settings.Epochs is { } epochs)
        {
            mlp = mlp with { MaxEpochs = epochs };
        }

        if (settings.Patience is { } epochsWithoutGain)
        {
            mlp = epochsWithoutGain >= 1 ? mlp with { Patience = epochsWithoutGain } : throw new CliException($"--patience {epochsWithoutGain} must be at least 1");
        }

        if (settings.Hidden is { } hidden)
        {
            mlp = mlp with { HiddenSizes = ParseHidden(hidden) };
        }

        return new PredictorTrainingRequest
        {
            Target = target,
            Kind = kind,
            EnsembleSize = settings.Ensemble ?? (kind == GbdtPredictor.Kind ? 5 : 3),
            MlpEnsembleSize = settings.MlpEnsemble,
            Seed = settings.Seed,
            GbdtPreset = settings.Preset.ToLowerInvariant(),
            GbdtFeatures = features,
            Classifier = settings.Classifier,
            MaxRows = settings.Limit,
            Mlp = mlp,
        };
    }

    private static int[] ParseHidden(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sizes = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
            {
                throw new CliException($"--hidden '{text}': '{parts[i]}' is not a positive layer width");
            }
        }

        return sizes;
    }

    private static string ResolveTarget(DatasetDescriptor descriptor, string target)
    {
        var candidates = TargetAliases.TryGetValue(target, out var aliases) ? aliases : [target];
        return candidates.FirstOrDefault(name => descriptor.PropertyColumns.Contains(name))
            ?? throw new CliException(
                $"dataset '{descriptor.Name}' has no target '{target}'; its properties are: {(descriptor.PropertyColumns.Count == 0 ? "none" : string.Join(", ", descriptor.PropertyColumns))}");
    }

    private static Table MetricsTable(PredictorManifest manifest, PredictorEvaluation evaluation)
    {
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        table.Title = new TableTitle($"{manifest.Kind} · {manifest.Target} · {manifest.Dataset} · seed {manifest.Seed}");
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("train / validation / test rows", $"{evaluation.TrainCount} / {evaluation.ValidationCount} / {evaluation.TestCount}");
        Row("test MAE", Format(evaluation.Test.MeanAbsoluteError));
        Row("test RMSE", Format(evaluation.Test.RootMeanSquaredError));
        Row("test R²", Format(evaluation.Test.RSquared));
        Row("within ±1σ / ±2σ (raw σ)", Coverage(evaluation.CalibrationRaw));
        Row($"within ±1σ / ±2σ (σ × {Format(evaluation.CalibrationScaled.SigmaScale)}, fitted on validation)", Coverage(evaluation.CalibrationScaled));
        if (evaluation.Classifier is { } classifier)
        {
            Row("metal classifier accuracy", Format(classifier.Accuracy));
            Row("metal classifier ROC AUC", Format(classifier.RocAuc));
            Row("test MAE without / with metal gate", $"{Format(evaluation.TestWithoutMetalGate!.MeanAbsoluteError)} / {Format(evaluation.TestWithMetalGate!.MeanAbsoluteError)}");
            Row("metal gate applied by the saved model", manifest.Calibration.ZeroPredictedMetals ? "yes" : "no");
        }

        if (manifest.PartWeights is { } weights)
        {
            Row("part weights (fitted on validation)", string.Join(" / ", weights.Select(Format)));
        }

        Row("training time (s)", evaluation.TrainingSeconds.ToString("F1", CultureInfo.InvariantCulture));
        return table;
    }

    private static string Coverage(CalibrationMetrics calibration) =>
        $"{calibration.WithinOneSigma:P1} / {calibration.WithinTwoSigma:P1}".Replace('\u00a0', ' ');

    private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the pool and reorder lines).</summary>
    private sealed class SynchronousProgress(Action<PredictorTrainingProgress> report) : IProgress<PredictorTrainingProgress>
    {
        public void Report(PredictorTrainingProgress value) => report(value);
    }
}
