using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MatGenDiscovery.Cli.Commands.Campaign;
using MatGenDiscovery.Cli.Hosting;
using MatGenDiscovery.Cli.Infrastructure;
using Spectre.Console;

namespace MatGenDiscovery.Cli.Commands.Families;

/// <summary><c>matgen families top --campaign ID [--n 20] [--json]</c>: best-scoring candidates over all families.</summary>
public sealed class FamiliesTopCommand : Command
{
    public FamiliesTopCommand(CliConsole console, DataDirectory data)
        : base("top", "List a campaign's best-scoring candidates across all chemical systems, with provenance and oracle confirmations.")
    {
        var campaign = new Option<string>("--campaign") { Description = "Campaign id.", Required = true };
        var n = new Option<int>("--n") { Description = "How many candidates to list.", DefaultValueFactory = _ => 20 };
        var store = CampaignCommand.StoreOption();
        var json = new Option<bool>("--json") { Description = "Write a JSON array instead of a table." };
        Options.Add(campaign);
        Options.Add(n);
        Options.Add(store);
        Options.Add(json);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () => RunAsync(console, data, new Settings(
            parseResult.GetValue(campaign)!, parseResult.GetValue(n), parseResult.GetValue(store)!, parseResult.GetValue(json)), cancellationToken)));
    }

    public sealed record Settings(string Campaign, int N, string Store, bool Json);

    internal static async Task<int> RunAsync(CliConsole console, DataDirectory data, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.N < 1)
        {
            throw new CliException($"--n must be positive, got {settings.N}");
        }

        var entries = await new CampaignClient(settings.Store, data).TopCandidatesAsync(settings.Campaign, settings.N, cancellationToken);
        if (settings.Json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(entries.Select(e => new
            {
                system = e.ChemicalSystem,
                formula = e.Candidate.Formula,
                score = e.Candidate.Score,
                means = e.Candidate.Means,
                stds = e.Candidate.Stds,
                generators = e.Candidate.Generators,
                round = e.Candidate.Round,
                confirmations = e.Confirmations.Select(c => new { property = c.Property, value = c.Value, source = c.Source, round = c.Round, hit = c.Hit }),
            })));
            return CommandRunner.Success;
        }

        var table = new Table().AddColumns("#", "formula", "system", "score", "predicted (mean ± std)", "generators", "round", "oracle");
        var rank = 0;
        foreach (var e in entries)
        {
            var predicted = string.Join("; ", e.Candidate.Means.Select(m => string.Create(CultureInfo.InvariantCulture,
                $"{m.Key} {m.Value:0.###} ± {e.Candidate.Stds.GetValueOrDefault(m.Key):0.###}")));
            var oracle = e.Confirmations.Count == 0
                ? "-"
                : string.Join("; ", e.Confirmations.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Property} {c.Value:0.###}{(c.Hit ? " (hit)" : "")}")));
            table.AddRow(
                (++rank).ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Candidate.Formula), Markup.Escape(e.ChemicalSystem),
                e.Candidate.Score.ToString("0.###", CultureInfo.InvariantCulture), Markup.Escape(predicted),
                Markup.Escape(string.Join(", ", e.Candidate.Generators)), e.Candidate.Round.ToString(CultureInfo.InvariantCulture), Markup.Escape(oracle));
        }

        console.Ansi.Write(table);
        return CommandRunner.Success;
    }
}
