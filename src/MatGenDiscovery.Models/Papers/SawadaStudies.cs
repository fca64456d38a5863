using System.Globalization;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Papers;

/// <summary>Sawada et al.'s Table 4 (critic property head vs a plain network) and Fig. 1B (extrapolation beyond the training range).</summary>
internal static class SawadaStudies
{
    /// <summary>Experiment-name prefix of the extrapolation runs (one per training range).</summary>
    public const string ExtrapolationPrefix = "condgan-xbp-extrapolation";

    private static readonly string[] CondGanFamilies = [SawadaFigures.Families[0], SawadaFigures.Families[1]];

    public static ReportFigure CriticHead(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "sawada-table4";
        var compared = CondGanFamilies
            .Select(f => (Family: f, Results: RunSelection.Ordered(runs.Where(r => r.Family == f && r.PropertyHead is not null))
                .Select(r => (Run: r, Result: r.PropertyHead!())).ToArray()))
            .Where(x => x.Results.Length > 0)
            .ToArray();
        if (compared.Length == 0)
        {
            return new MissingFigure(id, "Table 4", "Critic property head vs a plain network of the same size",
                "no trained CondGAN run with a checkpoint in the runs folder.", RunCommands.Produce(options.RunsFolder, SawadaFigures.Families[1], conditional: true));
        }

        string Cell(IEnumerable<double> values) => ReportFormat.MeanStd(values.ToArray());
        var rows = compared.Select(x => (IReadOnlyList<string>)
        [
            x.Family,
            ReportFormat.Count(x.Results[0].Result.Count),
            Cell(x.Results.Select(r => r.Result.CriticMae)), Cell(x.Results.Select(r => r.Result.CriticRmse)),
            Cell(x.Results.Select(r => r.Result.PlainMae)), Cell(x.Results.Select(r => r.Result.PlainRmse)),
        ]).ToArray();
        var steps = compared[0].Results[0].Result.PlainSteps;
        return new TableFigure(id, "Table 4", "Critic property head vs a plain network of the same size",
            string.Create(CultureInfo.InvariantCulture,
                $"Formation energy (eV/atom) of the leave-out compositions predicted by the trained critic's property head and by a plain network of the critic's size (input → 60 → 30 → 1, ReLU) trained on the same inputs and split ({steps:N0} Adam updates, lr 1e-3, batch 64); mean ± standard deviation over the seeded runs."),
            ["model", "held-out", "critic MAE", "critic RMSE", "plain MAE", "plain RMSE"], rows)
        {
            Sources = compared.SelectMany(x => x.Results).Select(r => r.Run.Source).ToArray(),
        };
    }

    public static ReportFigure Extrapolation(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "sawada-fig1b";
        var studied = RunSelection.Ordered(runs.Where(r =>
                r.Family.StartsWith(ExtrapolationPrefix, StringComparison.Ordinal) && r.TrainingMax is not null
                && r.Generated is { HasTargets: true } && r.Reference.Count > 0 && r.ReferenceTargets.Count == r.Reference.Count))
            .GroupBy(r => r.TrainingMax!.Value).OrderBy(g => g.Key).Select(g => g.First())
            .Select(r => (Run: r, Result: Beyond(r)))
            .Where(x => x.Result.Count > 0)
            .ToArray();
        if (studied.Length == 0)
        {
            return new MissingFigure(id, "Fig. 1B", "Extrapolation RMSE for three training ranges",
                $"no {ExtrapolationPrefix}-* run (trained on formation energy ≤ a) has samples generated for targets above a.",
                [$"matgen train --config experiments/{ExtrapolationPrefix}-below-m1.json --output {options.RunsFolder}/{ExtrapolationPrefix}-below-m1",
                 $"matgen generate --checkpoint {options.RunsFolder}/{ExtrapolationPrefix}-below-m1 --count 3000 --target -0.5 --output {options.RunsFolder}/{ExtrapolationPrefix}-below-m1/{RunCommands.GeneratedFile}"]);
        }

        var categories = studied.Select(x => "trained on ≤ " + ReportFormat.Number(x.Run.TrainingMax!.Value)).ToArray();
        var chart = new BarChart("Error of the nearest known composition's formation energy, targets above the training range",
            new ChartAxis("training range (eV/atom)"), new ChartAxis("error", "eV/atom", "G3"), categories,
            [new ChartSeries("RMSE", studied.Select(x => x.Result.Rmse).ToArray()), new ChartSeries("MAE", studied.Select(x => x.Result.Mae).ToArray())])
        {
            Width = 720,
        };
        var targets = string.Join("; ", studied.Select(x => $"≤ {ReportFormat.Number(x.Run.TrainingMax!.Value)}: {x.Result.Count:N0} samples asked for {string.Join(", ", x.Run.Generated!.Targets.Where(t => t > x.Run.TrainingMax).Distinct().Order().Select(t => ReportFormat.Number(t!.Value)))}"));
        return new ChartFigure(id, "Fig. 1B", "Extrapolation RMSE for three training ranges", chart,
            $"CondGAN(x^bp) trained only on compositions with formation energy ≤ a, asked for targets above a; the error is between the target and the formation energy of the nearest composition in the whole dataset (training range or not), by atomic-fraction distance, averaged over all samples drawn. {targets}.")
        {
            Sources = studied.Select(x => x.Run.Source).ToArray(),
        };
    }

    private static ConditionalResult Beyond(PaperRun run)
    {
        var samples = run.Generated!;
        var targets = samples.Targets.Select(t => t > run.TrainingMax ? t : null).ToArray();
        return ConditionalMetrics.Compute(samples.Compositions, targets, new NearestCompositionIndex(run.Reference), run.ReferenceTargets, samples.Counts);
    }
}
