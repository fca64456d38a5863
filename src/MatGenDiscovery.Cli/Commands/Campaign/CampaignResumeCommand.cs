using System.CommandLine;
using MatGenDiscovery.Cli.Hosting;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Grains.Campaigns;

namespace MatGenDiscovery.Cli.Commands.Campaign;

/// <summary><c>matgen campaign resume ID</c>: continues a stopped or crashed campaign at its last completed round.</summary>
public sealed class CampaignResumeCommand : Command
{
    public CampaignResumeCommand(CliConsole console, DataDirectory data)
        : base("resume", "Continue a stopped or crashed campaign from its last completed round (refuses while another process runs it).")
    {
        var (id, store, json) = CampaignCommand.AddIdStoreJson(this);
        var broker = CampaignCommand.BrokerOption();
        var batchSize = CampaignCommand.BatchSizeOption();
        Options.Add(broker);
        Options.Add(batchSize);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () => RunAsync(console, data, new Settings(
            parseResult.GetValue(id)!, parseResult.GetValue(store)!, parseResult.GetValue(json),
            BrokerSettings.Resolve(parseResult.GetValue(broker)), parseResult.GetValue(batchSize)), cancellationToken)));
    }

    /// <param name="Broker">Broker URI (with credentials) or null for the embedded default; never printed or stored.</param>
    public sealed record Settings(string Id, string Store, bool Json, string? Broker = null, int BatchSize = CampaignClient.DefaultValidationBatchSize)
    {
        public override string ToString() => $"Settings {{ Id = {Id}, Store = {Store}, Broker = {(Broker is null ? "none" : BrokerSettings.Mask(Broker))} }}";
    }

    internal static async Task<int> RunAsync(CliConsole console, DataDirectory data, Settings settings, CancellationToken cancellationToken)
    {
        var broker = settings.Broker is null ? null : BrokerSettings.Parse(settings.Broker);
        var client = new CampaignClient(settings.Store, data);
        try
        {
            var status = await client.ResumeAsync(settings.Id, CampaignOutput.Progress(console, settings.Json), cancellationToken, broker, settings.BatchSize);
            if (!settings.Json)
            {
                CampaignOutput.WriteTable(console, status);
            }
        }
        catch (CampaignLeaseException ex)
        {
            throw new CliException(ex.Message);
        }

        return CommandRunner.Success;
    }
}
