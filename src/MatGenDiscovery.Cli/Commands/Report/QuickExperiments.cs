using System.Globalization;
using MatGenDiscovery.Cli.Commands.Evaluate;
using MatGenDiscovery.Cli.Commands.Generate;
using MatGenDiscovery.Cli.Commands.Predictor;
using MatGenDiscovery.Cli.Commands.Train;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Models.Papers;

namespace MatGenDiscovery.Cli.Commands.Report;

/// <summary>
/// Runs the quick experiment variants into the runs folder through the same code paths as <c>matgen train</c>,
/// <c>generate</c> and <c>evaluate</c>, in the layout <see cref="PaperRunLoader"/> reads. A finished step is skipped
/// (a fully trained checkpoint, an existing generated file or evaluation), so an interrupted <c>--quick</c> resumes.
/// </summary>
internal static class QuickExperiments
{
    public static readonly IReadOnlyList<string> Names =
    [
        // The autoencoder first, so the MatGAN evaluations can count what it cannot reconstruct.
        AutoencoderName, "matgan-mp-quick", "matgan-icsd-filter-quick", "matgan-bandgap-quick",
        "condgan-formation-energy-quick", "condgan-xbp-formation-energy-quick", "condvae-formation-energy-quick",
    ];

    private const string AutoencoderName = "autoencoder-mp-quick";
    private const int Samples = 5000;
    private const int RepairSamples = 100;

    public static void Run(CliConsole console, DataDirectory data, string experimentsFolder, string runsFolder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(runsFolder);
        TrainPredictors(console, data, runsFolder);
        foreach (var name in Names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var configPath = Path.Combine(experimentsFolder, name + ".json");
            if (!File.Exists(configPath))
            {
                throw new FileNotFoundException($"quick experiment config '{configPath}' does not exist (give --experiments)", configPath);
            }

            var config = ExperimentConfigSerializer.Load(configPath);
            var folder = Path.Combine(runsFolder, name);
            console.Out.WriteLine($"quick: {name}");
            Train(console, data, configPath, config, folder, cancellationToken);
            if (config.Model.Kind == ModelKinds.Autoencoder)
            {
                continue;
            }

            var conditional = config.Model.TargetProperty is not null;
            var generated = Path.Combine(folder, RunCommands.GeneratedFile);
            if (!File.Exists(generated))
            {
                Generate(console, folder, conditional, generated);
            }

            if (!File.Exists(Path.Combine(folder, RunCommands.EvaluationFile)))
            {
                Check(EvaluateCommand.Run(console, data, new EvaluateCommand.Settings(
                    generated, Path.Combine(folder, ExperimentRun.ConfigFileName), Path.Combine(folder, RunCommands.EvaluationFile), null,
                    ReferenceDatabases: conditional ? "" : "oqmd,icsd", EnrichmentArities: conditional ? "none" : "2,3", EnrichmentMaxCount: 8,
                    Repair: conditional ? RepairSamples : 0, Seed: null,
                    Autoencoder: conditional ? null : Path.Combine(runsFolder, AutoencoderName))), name, "evaluate");
            }
        }
    }

    /// <summary>Fast GBDT predictors (20,000 MP rows, two members) for Fig. 4b and Fig. 6.</summary>
    private static void TrainPredictors(CliConsole console, DataDirectory data, string runsFolder)
    {
        foreach (var (target, property) in new[] { ("formation_energy", PaperPredictor.FormationEnergy), ("band_gap", PaperPredictor.BandGap) })
        {
            var folder = Path.Combine(runsFolder, PaperPredictorLoader.Folder, property);
            if (File.Exists(Path.Combine(folder, "model.json")))
            {
                continue;
            }

            console.Out.WriteLine($"quick: predictor {property}");
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            Check(PredictorTrainCommand.Run(console, data, new PredictorTrainCommand.Settings(
                Dataset: "mp", Target: target, Model: "gbdt", Ensemble: 2, Seed: 42, Preset: "fast", Features: "magpie", Classifier: false,
                Output: folder, Json: false, Limit: 20000, Epochs: null, Hidden: null)), property, "predictor train");
        }
    }

    private static void Train(CliConsole console, DataDirectory data, string configPath, ExperimentConfig config, string folder, CancellationToken cancellationToken)
    {
        var latest = ExperimentRun.LatestCheckpoint(folder);
        if (latest is { } done && done.Step >= config.Training.Steps)
        {
            return;
        }

        Check(TrainCommand.Run(console, data, new TrainCommand.Settings(configPath, folder, Resume: latest is not null), cancellationToken), config.Name, "train");
    }

    private static void Generate(CliConsole console, string folder, bool conditional, string generated)
    {
        var targets = conditional ? RunCommands.ConditionalTargets : [];
        var count = conditional ? Samples / targets.Count : Samples;
        Check(GenerateCommand.Run(console, new GenerateCommand.Settings(Checkpoint: folder, Count: count, Seed: 0, Targets: targets, Repair: false, Output: generated)), folder, "generate");
    }

    private static void Check(int exitCode, string name, string step)
    {
        if (exitCode != CommandRunner.Success)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"quick experiment '{name}': {step} stopped with exit code {exitCode}"));
        }
    }
}
