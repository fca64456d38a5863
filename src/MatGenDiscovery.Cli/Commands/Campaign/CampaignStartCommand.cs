using System.CommandLine;
using MatGenDiscovery.Cli.Hosting;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Grains.Campaigns;

namespace MatGenDiscovery.Cli.Commands.Campaign;

/// <summary><c>matgen campaign start --config C [--store S] [--id ID] [--broker URI] [--batch-size N] [--json]</c>: runs a campaign in this process (with a broker, as the campaign host).</summary>
public sealed class CampaignStartCommand : Command
{
    public CampaignStartCommand(CliConsole console, DataDirectory data)
        : base("start", "Start a campaign from a config and run it to the end in this process; prints the id first, then one line per round.")
    {
        var config = new Option<string>("--config") { Description = "Campaign config (experiments/campaign-*.json).", Required = true };
        var store = CampaignCommand.StoreOption();
        var id = new Option<string?>("--id") { Description = "Campaign id (default: <name>-<utc time>-<random>)." };
        var json = CampaignCommand.JsonOption();
        var broker = CampaignCommand.BrokerOption();
        var batchSize = CampaignCommand.BatchSizeOption();
        Options.Add(config);
        Options.Add(store);
        Options.Add(id);
        Options.Add(json);
        Options.Add(broker);
        Options.Add(batchSize);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () => RunAsync(console, data, new Settings(
            parseResult.GetValue(config)!, parseResult.GetValue(store)!, parseResult.GetValue(id), parseResult.GetValue(json),
            BrokerSettings.Resolve(parseResult.GetValue(broker)), parseResult.GetValue(batchSize)), cancellationToken)));
    }

    /// <param name="Broker">Broker URI (with credentials) or null for the embedded default; never printed or stored.</param>
    public sealed record Settings(string Config, string Store, string? Id, bool Json, string? Broker = null, int BatchSize = CampaignClient.DefaultValidationBatchSize)
    {
        public override string ToString() => $"Settings {{ Config = {Config}, Store = {Store}, Id = {Id}, Broker = {(Broker is null ? "none" : BrokerSettings.Mask(Broker))} }}";
    }

    internal static async Task<int> RunAsync(CliConsole console, DataDirectory data, Settings settings, CancellationToken cancellationToken)
    {
        var config = CampaignConfigSerializer.Load(settings.Config);
        var progress = CrashInjection.KillAfterRound(CampaignOutput.Progress(console, settings.Json));
        var broker = settings.Broker is null ? null : BrokerSettings.Parse(settings.Broker);
        var client = new CampaignClient(settings.Store, data);
        var id = settings.Id ?? CampaignClient.NewCampaignId(config);
        console.Out.WriteLine(settings.Json ? $"{{\"campaign_id\":\"{id}\",\"store\":{System.Text.Json.JsonSerializer.Serialize(client.StoreDirectory)}}}" : $"campaign {id}");
        console.Out.Flush();
        var status = await client.StartAsync(id, config, progress, cancellationToken, broker, settings.BatchSize);
        if (!settings.Json)
        {
            CampaignOutput.WriteTable(console, status);
        }

        return CommandRunner.Success;
    }
}
