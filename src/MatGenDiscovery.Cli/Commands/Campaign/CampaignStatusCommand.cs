using System.CommandLine;
using System.Text.Json.Nodes;
using MatGenDiscovery.Cli.Hosting;
using MatGenDiscovery.Cli.Infrastructure;
using Spectre.Console;

namespace MatGenDiscovery.Cli.Commands.Campaign;

/// <summary><c>matgen campaign status ID [--json]</c>: the campaign as of its last completed round (works from another terminal).</summary>
public sealed class CampaignStatusCommand : Command
{
    public CampaignStatusCommand(CliConsole console, DataDirectory data)
        : base("status", "Show a campaign's rounds and metrics as of its last completed round; reads the store only, so it works while the campaign runs elsewhere.")
    {
        var (id, store, json) = CampaignCommand.AddIdStoreJson(this);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () => RunAsync(console, data, new Settings(
            parseResult.GetValue(id)!, parseResult.GetValue(store)!, parseResult.GetValue(json)), cancellationToken)));
    }

    public sealed record Settings(string Id, string Store, bool Json);

    internal static async Task<int> RunAsync(CliConsole console, DataDirectory data, Settings settings, CancellationToken cancellationToken)
    {
        var (status, stopRequested, lease) = await new CampaignClient(settings.Store, data).GetStatusAsync(settings.Id, cancellationToken);
        if (settings.Json)
        {
            var node = JsonNode.Parse(CampaignOutput.ToJson(status))!.AsObject();
            node["stop_requested"] = stopRequested;
            node["lease"] = lease;
            console.Out.WriteLine(node.ToJsonString(CampaignOutput.Compact));
            return CommandRunner.Success;
        }

        CampaignOutput.WriteTable(console, status);
        if (stopRequested)
        {
            console.Ansi.WriteLine("stop requested");
        }

        if (lease is not null)
        {
            console.Ansi.WriteLine($"lease: process {lease["process_id"]} on {lease["host"]}, heartbeat {lease["heartbeat"]}");
        }

        return CommandRunner.Success;
    }
}
