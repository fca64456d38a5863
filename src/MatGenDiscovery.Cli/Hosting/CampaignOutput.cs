using System.Globalization;
using System.Text.Json;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Storage;
using Spectre.Console;

namespace MatGenDiscovery.Cli.Hosting;

/// <summary>How campaign progress and status are shown: one line (or JSON line) per round, a table of rounds.</summary>
public static class CampaignOutput
{
    /// <summary>A progress callback printing each newly completed round once.</summary>
    public static Action<CampaignStatus> Progress(CliConsole console, bool json)
    {
        var printed = -1;
        return status =>
        {
            if (printed < 0)
            {
                printed = status.RoundsCompleted;
                return;
            }

            foreach (var round in status.Rounds.Skip(printed))
            {
                if (json)
                {
                    console.Out.WriteLine(JsonSerializer.Serialize(round, Compact));
                }
                else
                {
                    console.Out.WriteLine(RoundLine(round, status.RoundBudget));
                }
            }

            console.Out.Flush();
            printed = status.RoundsCompleted;
        };
    }

    public static string RoundLine(RoundMetrics r, int budget) => string.Create(CultureInfo.InvariantCulture,
        $"round {r.Round}/{budget}: {r.Generated} generated, {r.NewCandidates} new, valid {r.ValidityShare:P0}, novel {r.NoveltyShare:P0}, " +
        $"{r.Experiments} experiments, {r.Revealed} revealed, {r.Hits} hits (baseline {r.BaselineHits}), " +
        $"best {Number(r.BestRevealedScore)} {r.BestRevealedFormula}, MAE {Number(r.PredictorMae)}");

    public static void WriteTable(CliConsole console, CampaignStatus status)
    {
        console.Ansi.WriteLine($"campaign {status.CampaignId} ({status.Name}): {status.Phase.ToString().ToLowerInvariant()}, " +
            $"{status.RoundsCompleted}/{status.RoundBudget} rounds{(status.StopReason is null ? "" : $", {status.StopReason}")}");
        var table = new Table().AddColumns("round", "new", "valid", "novel", "exp", "rev", "hits", "base", "conf", "best", "MAE");
        foreach (var r in status.Rounds)
        {
            table.AddRow(
                Integer(r.Round), Integer(r.NewCandidates), r.ValidityShare.ToString("P0", CultureInfo.InvariantCulture),
                r.NoveltyShare.ToString("P0", CultureInfo.InvariantCulture), Integer(r.Experiments), Integer(r.Revealed),
                Integer(r.Hits), Integer(r.BaselineHits), Integer(r.CrossDatabaseConfirmations), Number(r.BestRevealedScore), Number(r.PredictorMae));
        }

        console.Ansi.Write(table);
        if (status.Rounds.LastOrDefault() is { } last)
        {
            console.Ansi.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"hits {last.CumulativeHits} vs random baseline {last.CumulativeBaselineHits}; best revealed {Number(last.BestRevealedScore)} {last.BestRevealedFormula}"));
        }

        console.Ansi.WriteLine("(exp = experiments, rev = revealed by the oracle, base = random-baseline hits, conf = hits confirmed in another database)");
        console.Ansi.WriteLine($"digest {status.Digest}");
    }

    public static string ToJson(CampaignStatus status) => JsonSerializer.Serialize(status, GrainJson.Options);

    public static JsonSerializerOptions Compact { get; } = new(GrainJson.Options) { WriteIndented = false };

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-";
}
