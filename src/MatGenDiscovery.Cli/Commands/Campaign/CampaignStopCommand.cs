using System.CommandLine;
using MatGenDiscovery.Cli.Hosting;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Commands.Campaign;

/// <summary><c>matgen campaign stop ID</c>: asks a running campaign (in any process) to stop at its next stage boundary.</summary>
public sealed class CampaignStopCommand : Command
{
    public CampaignStopCommand(CliConsole console, DataDirectory data)
        : base("stop", "Request a running campaign to stop (from any terminal); it stops at its next stage boundary, keeping every completed round.")
    {
        var id = CampaignCommand.IdArgument();
        var store = CampaignCommand.StoreOption();
        Arguments.Add(id);
        Options.Add(store);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () => RunAsync(console, data, new Settings(
            parseResult.GetValue(id)!, parseResult.GetValue(store)!), cancellationToken)));
    }

    public sealed record Settings(string Id, string Store);

    internal static async Task<int> RunAsync(CliConsole console, DataDirectory data, Settings settings, CancellationToken cancellationToken)
    {
        await new CampaignClient(settings.Store, data).RequestStopAsync(settings.Id, cancellationToken);
        console.Out.WriteLine($"stop requested for campaign {settings.Id}");
        return CommandRunner.Success;
    }
}
