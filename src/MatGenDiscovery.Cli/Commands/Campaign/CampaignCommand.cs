using System.CommandLine;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Commands.Campaign;

/// <summary><c>matgen campaign start|status|stop|resume|replay</c>: active-learning discovery campaigns.</summary>
public sealed class CampaignCommand : Command
{
    public CampaignCommand(CliConsole console, DataDirectory data)
        : base("campaign", "Run, inspect, stop, resume and replay active-learning discovery campaigns (in-process silo; with --broker, batches run on 'matgen silo' workers).")
    {
        Subcommands.Add(new CampaignStartCommand(console, data));
        Subcommands.Add(new CampaignStatusCommand(console, data));
        Subcommands.Add(new CampaignStopCommand(console, data));
        Subcommands.Add(new CampaignResumeCommand(console, data));
        Subcommands.Add(new CampaignReplayCommand(console, data));
    }

    internal static Option<string> StoreOption() => new("--store")
    {
        Description = "Blob store holding campaign state, candidates and checkpoints: a folder, fs:DIR, or azure:CONNECTION (azure: alone reads MATGEN_BLOB_CONNECTION_STRING).",
        DefaultValueFactory = _ => Hosting.CampaignClient.DefaultStore,
    };

    internal static Option<bool> JsonOption() => new("--json") { Description = "Write JSON (one object per line while running) instead of tables." };

    internal static Option<string?> BrokerOption() => new("--broker")
    {
        Description = "RabbitMQ URI amqp://USER:PASSWORD@HOST:PORT/VHOST (default: $MATGEN_BROKER): send generation and validation batches to 'matgen silo' workers. Without it they run in this process. Never stored.",
    };

    internal static Option<int> BatchSizeOption() => new("--batch-size")
    {
        Description = "Candidates per validation batch sent to workers (with --broker).",
        DefaultValueFactory = _ => Hosting.CampaignClient.DefaultValidationBatchSize,
    };

    /// <summary>Adds the campaign id argument and the <c>--store</c> and <c>--json</c> options that status, replay and resume share.</summary>
    internal static (Argument<string> Id, Option<string> Store, Option<bool> Json) AddIdStoreJson(Command command)
    {
        var id = IdArgument();
        var store = StoreOption();
        var json = JsonOption();
        command.Arguments.Add(id);
        command.Options.Add(store);
        command.Options.Add(json);
        return (id, store, json);
    }

    internal static Argument<string> IdArgument() => new("id") { Description = "Campaign id, as printed by 'campaign start'." };
}
