using System.CommandLine;
using System.Text.Json;
using MatGenDiscovery.Cli.Commands.Campaign;
using MatGenDiscovery.Cli.Hosting;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Commands.Grains;

/// <summary><c>matgen grains query TYPE KEY</c>: prints any grain's stored state as JSON (read-only; never activates it).</summary>
public sealed class GrainsQueryCommand : Command
{
    public GrainsQueryCommand(CliConsole console, DataDirectory data)
        : base("query", "Print a grain's stored state (grains/<type>/<key>.json) as JSON, e.g. 'campaign <id>', 'candidatefamily <id>/Fe-Li-O', 'generator <id>.<name>'.")
    {
        var type = new Argument<string>("type") { Description = "Grain type: campaign, candidatefamily, generator, validator." };
        var key = new Argument<string>("key") { Description = "Grain key." };
        var store = CampaignCommand.StoreOption();
        Arguments.Add(type);
        Arguments.Add(key);
        Options.Add(store);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () => RunAsync(console, data, new Settings(
            parseResult.GetValue(type)!, parseResult.GetValue(key)!, parseResult.GetValue(store)!), cancellationToken)));
    }

    public sealed record Settings(string Type, string Key, string Store);

    internal static async Task<int> RunAsync(CliConsole console, DataDirectory data, Settings settings, CancellationToken cancellationToken)
    {
        var node = await new CampaignClient(settings.Store, data).QueryGrainAsync(settings.Type, settings.Key, cancellationToken);
        console.Out.WriteLine(node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return CommandRunner.Success;
    }
}
