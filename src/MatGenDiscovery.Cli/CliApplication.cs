using System.CommandLine;
using MatGenDiscovery.Cli.Commands.Bench;
using MatGenDiscovery.Cli.Commands.Campaign;
using MatGenDiscovery.Cli.Commands.Families;
using MatGenDiscovery.Cli.Commands.Grains;
using MatGenDiscovery.Cli.Commands.Datasets;
using MatGenDiscovery.Cli.Commands.Featurize;
using MatGenDiscovery.Cli.Commands.Enumerate;
using MatGenDiscovery.Cli.Commands.Evaluate;
using MatGenDiscovery.Cli.Commands.Validate;
using MatGenDiscovery.Cli.Commands.Generate;
using MatGenDiscovery.Cli.Commands.Predict;
using MatGenDiscovery.Cli.Commands.Predictor;
using MatGenDiscovery.Cli.Commands.Report;
using MatGenDiscovery.Cli.Commands.Silo;
using MatGenDiscovery.Cli.Commands.Train;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli;

/// <summary>Registers the commands. Each command lives in its own file under <c>Commands/</c>.</summary>
public static class CliApplication
{
    /// <summary>How long a cancelled command may take to stop cleanly before the process is ended.</summary>
    public static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(15);

    public static RootCommand Build(CliConsole console, DataDirectory data)
    {
        var root = new RootCommand("MatGenDiscovery: generative discovery of inorganic materials compositions.");
        foreach (var command in Commands(console, data))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, DataDirectory data)
    {
        var root = Build(console, data);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,

            // Ctrl+C cancels the command's token; long commands (train, campaign, generate) then finish the current
            // step and write their checkpoint. The library's default kills the process 2 s after Ctrl+C, which can
            // cut a slow step before its checkpoint lands.
            ProcessTerminationTimeout = TerminationGrace,
        };
        return await parse.InvokeAsync(configuration);
    }

    private static IEnumerable<Command> Commands(CliConsole console, DataDirectory data)
    {
        yield return new DatasetsCommand(console, data);
        yield return new FeaturizeCommand(console);
        yield return new ValidateCommand(console);
        yield return new EnumerateCommand(console);
        yield return new BenchCommand(console);
        yield return new TrainCommand(console, data);
        yield return new GenerateCommand(console);
        yield return new PredictorCommand(console, data);
        yield return new PredictCommand(console);
        yield return new EvaluateCommand(console, data);
        yield return new CampaignCommand(console, data);
        yield return new FamiliesCommand(console, data);
        yield return new GrainsCommand(console, data);
        yield return new ReportCommand(console, data);
        yield return new SiloCommand(console, data);
        yield break;
    }
}
