using System.CommandLine;
using System.Text.Json;
using MatGenDiscovery.Cli.Hosting;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Commands.Campaign;

/// <summary><c>matgen campaign replay ID</c>: reruns a completed campaign from its stored config and seed and compares digests.</summary>
public sealed class CampaignReplayCommand : Command
{
    public CampaignReplayCommand(CliConsole console, DataDirectory data)
        : base("replay", "Rerun a completed campaign from its stored config and seed as <id>-replay-<n> and compare result digests; exit code 1 on a mismatch.")
    {
        var (id, store, json) = CampaignCommand.AddIdStoreJson(this);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () => RunAsync(console, data, new Settings(
            parseResult.GetValue(id)!, parseResult.GetValue(store)!, parseResult.GetValue(json)), cancellationToken)));
    }

    public sealed record Settings(string Id, string Store, bool Json);

    internal static async Task<int> RunAsync(CliConsole console, DataDirectory data, Settings settings, CancellationToken cancellationToken)
    {
        var result = await new CampaignClient(settings.Store, data).ReplayAsync(settings.Id, CampaignOutput.Progress(console, settings.Json), cancellationToken);
        if (settings.Json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                original_id = result.OriginalId,
                replay_id = result.ReplayId,
                original_digest = result.OriginalDigest,
                replay_digest = result.ReplayDigest,
                matches = result.Matches,
            }));
        }
        else
        {
            console.Out.WriteLine($"original {result.OriginalId} digest {result.OriginalDigest}");
            console.Out.WriteLine($"replay   {result.ReplayId} digest {result.ReplayDigest}");
            console.Out.WriteLine(result.Matches ? "digests match" : "DIGESTS DIFFER");
        }

        return result.Matches ? CommandRunner.Success : CommandRunner.Failure;
    }
}
