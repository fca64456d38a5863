using System.CommandLine;
using MatGenDiscovery.Cli.Hosting;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Grains.Campaigns;

namespace MatGenDiscovery.Cli.Commands.Campaign;

/// <summary><c>matgen campaign start --config C [--store DIR] [--id ID] [--json]</c>: runs a campaign in this process.</summary>
public sealed class CampaignStartCommand : Command
{
    public CampaignStartCommand(CliConsole console, DataDirectory data)
        : base("start", "Start a campaign from a config and run it to the end in this process; prints the id first, then one line per round.")
    {
        var config = new Option<string>("--config") { Description = "Campaign config (experiments/campaign-*.json).", Required = true };
        var store = CampaignCommand.StoreOption();
        var id = new Option<string?>("--id") { Description = "Campaign id (default: <name>-<utc time>-<random>)." };
        var json = CampaignCommand.JsonOption();
        Options.Add(config);
        Options.Add(store);
        Options.Add(id);
        Options.Add(json);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () => RunAsync(console, data, new Settings(
            parseResult.GetValue(config)!, parseResult.GetValue(store)!, parseResult.GetValue(id), parseResult.GetValue(json)), cancellationToken)));
    }

    public sealed record Settings(string Config, string Store, string? Id, bool Json);

    internal static async Task<int> RunAsync(CliConsole console, DataDirectory data, Settings settings, CancellationToken cancellationToken)
    {
        var config = CampaignConfigSerializer.Load(settings.Config);
        var client = new CampaignClient(settings.Store, data);
        var id = settings.Id ?? CampaignClient.NewCampaignId(config);
        console.Out.WriteLine(settings.Json ? $"{{\"campaign_id\":\"{id}\",\"store\":{System.Text.Json.JsonSerializer.Serialize(client.StoreDirectory)}}}" : $"campaign {id}");
        console.Out.Flush();
        var status = await client.StartAsync(id, config, CampaignOutput.Progress(console, settings.Json), cancellationToken);
        if (!settings.Json)
        {
            CampaignOutput.WriteTable(console, status);
        }

        return CommandRunner.Success;
    }
}
