using System.Diagnostics;
using System.Globalization;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.NeuralNetworks.Checkpoints;

namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>
/// One training run in an output folder: <c>config.json</c> (the experiment), <c>checkpoints/step-NNNNNNNN.safetensors</c>
/// and <c>training_log.csv</c>. Step k draws only from <see cref="StepRandom.For"/>(seed, k) and the checkpoint holds
/// the whole trainable state, so stopping and resuming gives the same weights as an uninterrupted run.
/// </summary>
public sealed class ExperimentRun
{
    public const string ConfigFileName = "config.json";
    public const string CheckpointFolder = "checkpoints";
    public const string LogFileName = "training_log.csv";

    private readonly TrainingLog _log;
    private readonly CheckpointSelection? _selection;
    private string? _lastCheckpoint;

    private ExperimentRun(
        ExperimentConfig config, string outputDirectory, PreparedData data, GenerativeModel model, int startStep,
        TrainingLog log, string? lastCheckpoint, CheckpointSelection? selection)
    {
        Config = config;
        OutputDirectory = outputDirectory;
        Data = data;
        Model = model;
        StartStep = startStep;
        _log = log;
        _lastCheckpoint = lastCheckpoint;
        _selection = selection;
    }

    public ExperimentConfig Config { get; }

    public string OutputDirectory { get; }

    public PreparedData Data { get; }

    public GenerativeModel Model { get; }

    /// <summary>The step the run continues from (0 for a fresh run).</summary>
    public int StartStep { get; }

    /// <summary>The checkpoint selection of <c>training.select_by</c>, or null.</summary>
    public CheckpointSelection? Selection => _selection;

    /// <summary>
    /// Prepares a run of the config at <paramref name="configPath"/> in <paramref name="outputDirectory"/>: checks the
    /// folder, loads and filters the data, builds the model and, with <paramref name="resume"/>, loads the newest checkpoint.
    /// </summary>
    /// <exception cref="ExperimentRunException">The folder holds another experiment, holds checkpoints without <paramref name="resume"/>, or has none to resume.</exception>
    /// <exception cref="ExperimentConfigException">The config is invalid.</exception>
    public static ExperimentRun Open(string configPath, string outputDirectory, string dataFolder, bool resume)
    {
        var config = ExperimentConfigSerializer.Load(configPath);
        var hash = ExperimentConfigSerializer.Hash(config);
        var storedConfig = Path.Combine(outputDirectory, ConfigFileName);
        if (File.Exists(storedConfig))
        {
            var stored = ExperimentConfigSerializer.Load(storedConfig);
            var storedHash = ExperimentConfigSerializer.Hash(stored);
            if (storedHash != hash)
            {
                throw new ExperimentRunException(
                    $"output folder '{outputDirectory}' holds a different experiment ('{stored.Name}', config hash {storedHash[..12]}) " +
                    $"than '{configPath}' (config hash {hash[..12]}); choose another --output");
            }
        }

        var latest = LatestCheckpoint(outputDirectory);
        if (latest is not null && !resume)
        {
            throw new ExperimentRunException(
                $"output folder '{outputDirectory}' already holds checkpoints of this experiment (latest '{Path.GetFileName(latest.Value.Path)}'); " +
                "pass --resume to continue it or choose another --output");
        }

        if (resume && latest is null)
        {
            throw new ExperimentRunException($"--resume: output folder '{outputDirectory}' holds no checkpoint to resume from");
        }

        var data = TrainingDataBuilder.Build(config, dataFolder);
        var model = GenerativeModelFactory.Create(config, data);
        var startStep = 0;
        if (latest is { } checkpoint)
        {
            startStep = LoadCheckpoint(checkpoint.Path, model, hash);
        }

        Directory.CreateDirectory(Path.Combine(outputDirectory, CheckpointFolder));
        if (!File.Exists(storedConfig))
        {
            var temporary = $"{storedConfig}.tmp-{Guid.NewGuid():N}";
            File.Copy(configPath, temporary);
            File.Move(temporary, storedConfig, overwrite: true);
        }

        var log = TrainingLog.Read(Path.Combine(outputDirectory, LogFileName), model.LossNames, startStep);
        var selection = config.Training.SelectBy is not { } criterion
            ? null
            : CheckpointSelection.Open(
                outputDirectory, config.Training.SelectionSamples ?? CheckpointSelection.DefaultSamples, config.Seed, startStep,
                CheckpointSelection.ScoreOf(criterion, criterion == CheckpointSelection.UniqueAtTrainingValidity ? ValidityGrid.BalancedShare(data.Train) : 0));
        return new ExperimentRun(config, outputDirectory, data, model, startStep, log, latest?.Path, selection);
    }

    /// <summary>
    /// The checkpoint a run is reported from: <c>checkpoints/selected.safetensors</c> with the step it was saved at when
    /// training selected one (<c>training.select_by</c>), else <see cref="LatestCheckpoint"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The selected checkpoint is not a valid safetensors file or has no step.</exception>
    public static (string Path, int Step)? ReportedCheckpoint(string outputDirectory)
    {
        var selected = SelectedCheckpointPath(outputDirectory);
        return File.Exists(selected) ? (selected, SavedStep(selected, SafeTensorsFile.Read(selected).Metadata)) : LatestCheckpoint(outputDirectory);
    }

    /// <summary>
    /// The file of <see cref="ReportedCheckpoint"/> without reading it (for callers that load it anyway), or null when
    /// the run folder holds no checkpoint.
    /// </summary>
    public static string? ReportedCheckpointPath(string outputDirectory)
    {
        var selected = SelectedCheckpointPath(outputDirectory);
        return File.Exists(selected) ? selected : LatestCheckpoint(outputDirectory)?.Path;
    }

    private static string SelectedCheckpointPath(string outputDirectory) =>
        Path.Combine(outputDirectory, CheckpointFolder, CheckpointSelection.SelectedCheckpointName);

    /// <summary>The newest checkpoint file in a run folder, or null.</summary>
    public static (string Path, int Step)? LatestCheckpoint(string outputDirectory)
    {
        var folder = Path.Combine(outputDirectory, CheckpointFolder);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        return Directory.EnumerateFiles(folder, "step-*.safetensors")
            .Select(path => (Path: path, Step: ParseStep(path)))
            .Where(c => c.Step >= 0)
            .OrderByDescending(c => c.Step)
            .Select(c => ((string, int)?)c)
            .FirstOrDefault();
    }

    /// <summary>
    /// Trains from <see cref="StartStep"/> to the configured number of steps, checkpointing every interval and at the
    /// end. When <paramref name="cancellationToken"/> fires, the current step finishes, a checkpoint is written and
    /// the outcome reports <see cref="TrainingOutcome.Stopped"/>.
    /// </summary>
    public TrainingOutcome Run(Action<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var training = Config.Training;
        var watch = Stopwatch.StartNew();
        var previousSeconds = _log.LastSeconds;
        var sums = new double[Model.LossNames.Count];
        var inInterval = 0;
        var step = StartStep;
        var savedStep = StartStep;
        var stopped = false;
        while (step < training.Steps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                stopped = true;
                break;
            }

            step++;
            var losses = Model.TrainStep(StepRandom.For(Config.Seed, step), training.BatchSize);
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += losses[i];
            }

            inInterval++;
            var isLogStep = step % training.LogInterval == 0 || step == training.Steps;
            if (isLogStep)
            {
                AddLogRow(step, sums, inInterval, previousSeconds + watch.Elapsed.TotalSeconds);
                inInterval = 0;
            }

            progress?.Invoke(new TrainingProgress(step, training.Steps, losses, watch.Elapsed, isLogStep));
            if (step % training.CheckpointInterval == 0 || step == training.Steps)
            {
                SaveCheckpoint(step);
                savedStep = step;
            }
        }

        if (step != savedStep)
        {
            if (inInterval > 0)
            {
                AddLogRow(step, sums, inInterval, previousSeconds + watch.Elapsed.TotalSeconds);
            }

            SaveCheckpoint(step);
        }

        return new TrainingOutcome(step, stopped, _lastCheckpoint ?? "", watch.Elapsed);
    }

    private void AddLogRow(int step, double[] sums, int count, double seconds)
    {
        _log.Add(step, sums.Select(s => (float)(s / count)).ToArray(), seconds);
        Array.Clear(sums);
    }

    private void SaveCheckpoint(int step)
    {
        var path = Path.Combine(OutputDirectory, CheckpointFolder, $"step-{step.ToString("D8", CultureInfo.InvariantCulture)}.safetensors");
        ModelCheckpoint.Save(path, Config, Model, step);
        _log.Write(Path.Combine(OutputDirectory, LogFileName));
        _selection?.Record(step, Model, path);
        _lastCheckpoint = path;
        var stale = Directory.EnumerateFiles(Path.Combine(OutputDirectory, CheckpointFolder), "step-*.safetensors")
            .Select(p => (Path: p, Step: ParseStep(p)))
            .Where(c => c.Step >= 0)
            .OrderByDescending(c => c.Step)
            .Skip(Config.Training.KeepCheckpoints);
        foreach (var (old, _) in stale)
        {
            File.Delete(old);
        }
    }

    private static int LoadCheckpoint(string path, GenerativeModel model, string hash)
    {
        var file = SafeTensorsFile.Read(path);
        if (!file.Metadata.TryGetValue("config_hash", out var stored) || stored != hash)
        {
            throw new ExperimentRunException($"checkpoint '{path}' was written by a different experiment (config hash {stored ?? "missing"})");
        }

        try
        {
            model.LoadState(file.Tensors);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"checkpoint '{path}': {ex.Message}", ex);
        }

        return SavedStep(path, file.Metadata);
    }

    private static int SavedStep(string path, IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue("step", out var step) && int.TryParse(step, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"checkpoint '{path}': metadata has no valid 'step'");

    private static int ParseStep(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return name.StartsWith("step-", StringComparison.Ordinal) && int.TryParse(name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            ? step
            : -1;
    }
}
