using System.CommandLine;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Commands.Campaign;

/// <summary><c>matgen campaign start|status|stop|resume|replay</c>: active-learning discovery campaigns.</summary>
public sealed class CampaignCommand : Command
{
    public CampaignCommand(CliConsole console, DataDirectory data)
        : base("campaign", "Run, inspect, stop, resume and replay active-learning discovery campaigns (in-process silo, blob store on disk).")
    {
        Subcommands.Add(new CampaignStartCommand(console, data));
        Subcommands.Add(new CampaignStatusCommand(console, data));
        Subcommands.Add(new CampaignStopCommand(console, data));
        Subcommands.Add(new CampaignResumeCommand(console, data));
        Subcommands.Add(new CampaignReplayCommand(console, data));
    }

    internal static Option<string> StoreOption() => new("--store")
    {
        Description = "Blob store folder holding campaign state, candidates and checkpoints.",
        DefaultValueFactory = _ => Hosting.CampaignClient.DefaultStore,
    };

    internal static Option<bool> JsonOption() => new("--json") { Description = "Write JSON (one object per line while running) instead of tables." };

    internal static Argument<string> IdArgument() => new("id") { Description = "Campaign id, as printed by 'campaign start'." };
}
