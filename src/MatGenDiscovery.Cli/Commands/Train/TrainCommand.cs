using System.CommandLine;
using System.Globalization;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Models.Generative.Autoencoder;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.Training;
using Spectre.Console;

namespace MatGenDiscovery.Cli.Commands.Train;

/// <summary>
/// <c>matgen train --config C --output DIR [--resume]</c>: trains the experiment in C into DIR (config copy,
/// safetensors checkpoints, training_log.csv). Ctrl+C stops after the current step and writes a checkpoint;
/// <c>--resume</c> continues from the newest one and ends with the same weights as an uninterrupted run.
/// </summary>
public sealed class TrainCommand : Command
{
    public TrainCommand(CliConsole console, DataDirectory data)
        : base("train", "Train a generative model (MatGAN, autoencoder, CondGAN, CondVAE) from an experiment config.")
    {
        var config = new Option<string>("--config") { Description = "Experiment config JSON (see experiments/*.json).", Required = true };
        var output = new Option<string>("--output") { Description = "Run folder: receives config.json, checkpoints/ and training_log.csv.", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Continue from the newest checkpoint in the run folder." };
        Options.Add(config);
        Options.Add(output);
        Options.Add(resume);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () =>
            Run(console, data, new Settings(parseResult.GetValue(config)!, parseResult.GetValue(output)!, parseResult.GetValue(resume)), cancellationToken)));
    }

    public sealed record Settings(string Config, string Output, bool Resume);

    internal static int Run(CliConsole console, DataDirectory data, Settings settings, CancellationToken cancellationToken)
    {
        var dataFolder = Path.GetDirectoryName(data.File("elements.csv"))!;
        ExperimentRun run;
        try
        {
            run = ExperimentRun.Open(settings.Config, settings.Output, dataFolder, settings.Resume);
        }
        catch (ExperimentRunException ex)
        {
            throw new CliException(ex.Message);
        }

        var config = run.Config;
        var model = ModelDefaults.Resolve(config.Model);
        console.Out.WriteLine(
            $"experiment '{config.Name}': {model.Kind}{(model.Network.Length > 0 ? $" ({model.Network})" : "")}, " +
            $"config hash {ExperimentConfigSerializer.Hash(config)[..12]}, seed {config.Seed}");
        console.Out.WriteLine($"data '{config.Data.Dataset}': {run.Data.Report}; training {run.Data.Train.Count}, leave-out {run.Data.LeaveOut.Count}");
        if (run.StartStep > 0)
        {
            console.Out.WriteLine($"resuming at step {run.StartStep} of {config.Training.Steps}");
        }

        var outcome = console.IsInteractive
            ? RunWithProgressBar(console, run, cancellationToken)
            : run.Run(progress => LogLine(console, run, progress), cancellationToken);
        var seconds = outcome.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
        if (outcome.Stopped)
        {
            console.Out.WriteLine($"stopped at step {outcome.Step} after {seconds} s; checkpoint {outcome.Checkpoint}; continue with --resume");
            return CommandRunner.Failure;
        }

        console.Out.WriteLine($"trained to step {outcome.Step} in {seconds} s; checkpoint {outcome.Checkpoint}");
        if (run.Model is CountMatrixAutoencoder autoencoder)
        {
            console.Out.WriteLine(
                $"decodable: training {Percent(autoencoder.DecodableShare(run.Data.Train))}, leave-out {Percent(autoencoder.DecodableShare(run.Data.LeaveOut))}");
        }

        return CommandRunner.Success;
    }

    private static TrainingOutcome RunWithProgressBar(CliConsole console, ExperimentRun run, CancellationToken cancellationToken)
    {
        TrainingOutcome? outcome = null;
        console.Ansi.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("training", maxValue: run.Config.Training.Steps);
                task.Value = run.StartStep;
                outcome = run.Run(progress =>
                {
                    task.Value = progress.Step;
                    if (progress.IsLogStep)
                    {
                        task.Description = Markup.Escape(Losses(run, progress.Losses));
                    }
                }, cancellationToken);
            });
        return outcome!;
    }

    private static void LogLine(CliConsole console, ExperimentRun run, TrainingProgress progress)
    {
        if (!progress.IsLogStep)
        {
            return;
        }

        var done = progress.Step - run.StartStep;
        var remaining = progress.TotalSteps - progress.Step;
        var eta = done == 0 ? 0 : progress.Elapsed.TotalSeconds / done * remaining;
        console.Out.WriteLine(
            $"step {progress.Step}/{progress.TotalSteps} {Losses(run, progress.Losses)} " +
            $"{progress.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s, ETA {eta.ToString("F0", CultureInfo.InvariantCulture)} s");
    }

    private static string Losses(ExperimentRun run, IReadOnlyList<float> losses) =>
        string.Join(" ", run.Model.LossNames.Select((name, i) => $"{name}={losses[i].ToString("G4", CultureInfo.InvariantCulture)}"));

    private static string Percent(double share) => (100 * share).ToString("F2", CultureInfo.InvariantCulture) + " %";
}
