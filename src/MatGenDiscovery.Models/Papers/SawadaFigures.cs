using System.Globalization;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Papers;

/// <summary>Sawada et al.'s tables and figures from the conditional runs (CondGAN, CondGAN(x^bp), CondVAE).</summary>
internal static class SawadaFigures
{
    public static readonly IReadOnlyList<string> Families = ["condgan-formation-energy", "condgan-xbp-formation-energy", "condvae-formation-energy"];

    private const int ExamplesPerTarget = 3;

    public static ReportFigure Examples(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "sawada-table1";
        var sampled = RunSelection.PerFamily(runs, Families, r => r.Generated is not null);
        if (sampled.Count == 0)
        {
            return Missing(id, "Table 1", "Example generated compositions per model", options);
        }

        var rows = sampled.SelectMany(r => ByTarget(r.Generated!).Select(g => (IReadOnlyList<string>)
        [
            r.Family, Target(g.Key), string.Join(", ", g.Take(ExamplesPerTarget * 2).Select(c => c.ReducedFormula)),
        ])).ToArray();
        return new TableFigure(id, "Table 1", "Example generated compositions per model",
            "The first distinct compositions each model generated for each requested formation energy.", ["model", "target (eV/atom)", "generated"], rows)
        {
            Sources = sampled.Select(r => r.Source).ToArray(),
        };
    }

    public static ReportFigure Accuracy(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "sawada-table2";
        var published = new[] { new PublishedNumber("CondGAN(x^bp) MAE", $"{PaperNumbers.SawadaCondGanBpMaeEvPerAtom} eV/atom", PaperNumbers.Sawada) };
        var evaluated = Families
            .Select(f => (Family: f, Runs: RunSelection.Ordered(runs.Where(r => r.Family == f && r.Evaluation?.Conditional is not null)).ToArray()))
            .Where(x => x.Runs.Length > 0)
            .ToArray();
        if (evaluated.Length == 0)
        {
            return Missing(id, "Table 2", "Property accuracy of conditional generation", options) with { Published = published };
        }

        var rows = evaluated.Select(x => (IReadOnlyList<string>)
        [
            x.Family,
            ReportFormat.MeanStd(x.Runs.Select(r => r.Evaluation!.Conditional!.Mae).ToArray()),
            ReportFormat.MeanStd(x.Runs.Select(r => r.Evaluation!.Conditional!.Rmse).ToArray()),
            ReportFormat.MeanStd(x.Runs.Select(r => r.Evaluation!.Conditional!.MeanDistance).ToArray()),
            PerSample(x.Runs, c => c.Mae),
            PerSample(x.Runs, c => c.Rmse),
        ]).ToArray();
        return new TableFigure(id, "Table 2", "Property accuracy of conditional generation",
            "MAE and RMSE (eV/atom) between the requested formation energy and that of the nearest training composition, and the mean distance to it (atomic-fraction vectors), over the distinct generated compositions (matgen evaluate) and, in the last two columns, over all samples drawn (each distinct composition weighted by how often it was generated, as Sawada et al. average over everything generated); mean ± standard deviation over the seeded runs of each model.",
            ["model", "MAE (eV/atom)", "RMSE (eV/atom)", "distance", "per-sample MAE", "per-sample RMSE"], rows)
        {
            Sources = evaluated.SelectMany(x => x.Runs).Select(r => r.Source).ToArray(),
            Published = published,
        };
    }

    /// <summary>The sample-weighted metric over the runs that have generated samples with targets, or "–".</summary>
    private static string PerSample(IReadOnlyList<PaperRun> runs, Func<ConditionalResult, double> metric)
    {
        var values = runs
            .Where(r => r.Generated is { HasTargets: true } && r.Training.Count > 0 && r.TrainingTargets.Count == r.Training.Count)
            .Select(r => metric(ConditionalMetrics.Compute(r.Generated!.Compositions, r.Generated.Targets, new NearestCompositionIndex(r.Training), r.TrainingTargets, r.Generated.Counts)))
            .ToArray();
        return values.Length == 0 ? "–" : ReportFormat.MeanStd(values);
    }

    public static ReportFigure Nearest(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "sawada-table3";
        var sampled = RunSelection.PerFamily(runs, Families, r => r.Generated is not null && r.TrainingTargets.Count == r.Training.Count && r.Training.Count > 0);
        if (sampled.Count == 0)
        {
            return Missing(id, "Table 3", "Examples with requested and nearest property", options);
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var run in sampled)
        {
            var index = new NearestCompositionIndex(run.Training);
            foreach (var group in ByTarget(run.Generated!))
            {
                foreach (var composition in group.Take(ExamplesPerTarget))
                {
                    var nearest = index.Find(composition);
                    rows.Add([run.Family, Target(group.Key), composition.ReducedFormula, run.Training[nearest.Index].ReducedFormula,
                        ReportFormat.Number(run.TrainingTargets[nearest.Index]), ReportFormat.Number(nearest.Distance)]);
                }
            }
        }

        return new TableFigure(id, "Table 3", "Examples with requested and nearest property",
            "For a few generated compositions per target: the nearest training composition and its formation energy (eV/atom). A predicted-property column needs the formation-energy predictor (not yet read by the report).",
            ["model", "target (eV/atom)", "generated", "nearest training", "its energy (eV/atom)", "distance"], rows)
        {
            Sources = sampled.Select(r => r.Source).ToArray(),
        };
    }

    public static ReportFigure Repair(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "sawada-table5";
        var repaired = RunSelection.PerFamily(runs, Families, r => r.Evaluation?.Repair is not null);
        if (repaired.Count == 0)
        {
            return new MissingFigure(id, "Tables 5–6", "Valency repair before and after", "no conditional run was evaluated with --repair.",
                RunCommands.Produce(options.RunsFolder, Families[1], conditional: true, extraEvaluate: " --repair 200"));
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var run in repaired)
        {
            var repair = run.Evaluation!.Repair!;
            rows.Add([run.Family, "mean valence error (charge/atom)", ReportFormat.Number(repair.MeanValenceErrorBefore), ReportFormat.Number(repair.MeanValenceErrorAfter)]);
            rows.Add([run.Family, "charge-neutral share", ReportFormat.Percent(repair.NeutralShareBefore), ReportFormat.Percent(repair.NeutralShareAfter)]);
            if (repair is { ConditionalBefore: { } before, ConditionalAfter: { } after })
            {
                rows.Add([run.Family, "MAE to nearest (eV/atom)", ReportFormat.Number(before.Mae), ReportFormat.Number(after.Mae)]);
                rows.Add([run.Family, "distance to nearest", ReportFormat.Number(before.MeanDistance), ReportFormat.Number(after.MeanDistance)]);
            }

            rows.AddRange(repair.Examples.Take(4).Select(e => (IReadOnlyList<string>)[run.Family, "example", e.Before, e.After]));
        }

        return new TableFigure(id, "Tables 5–6", "Valency repair before and after",
            "Metropolis–Hastings valency repair of generated samples: valence error, neutral share and property accuracy before and after, with examples.",
            ["model", "measure", "raw", "repaired"], rows)
        {
            Sources = repaired.Select(r => r.Source).ToArray(),
        };
    }

    public static ReportFigure NearestHistogram(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "sawada-fig1a";
        var run = RunSelection.First(runs, [Families[1], Families[0], Families[2]], r => r.Generated is { HasTargets: true } && r.TrainingTargets.Count == r.Training.Count && r.Training.Count > 0);
        if (run is null)
        {
            return Missing(id, "Fig. 1A", "Nearest-composition property for three requested targets", options);
        }

        var index = new NearestCompositionIndex(run.Training);
        var series = ByTarget(run.Generated!).Select(g =>
            new ChartSeries($"target {Target(g.Key)} eV/atom", g.Select(c => run.TrainingTargets[index.Find(c).Index]).ToArray())).ToArray();
        var chart = new HistogramChart("Formation energy of the nearest training composition",
            new ChartAxis("formation energy", "eV/atom", "G3"), new ChartAxis("share of samples", "%", "P0"), series, bins: 40)
        {
            Normalize = true,
            Width = 720,
        };
        return new ChartFigure(id, "Fig. 1A", "Nearest-composition property for three requested targets", chart,
            "For each requested target, the distribution of the formation energy of each generated composition's nearest training composition; a well-conditioned model peaks at its target.")
        {
            Sources = [run.Source],
        };
    }

    /// <summary>
    /// Samples grouped by requested target. A run sampled with Sawada's protocol asks for many targets (spread like the
    /// held-out set); the examples and Fig. 1A then show the groups nearest to the paper's −3, −2 and −1 eV/atom.
    /// </summary>
    private static IEnumerable<IGrouping<double?, Composition>> ByTarget(GeneratedSamples samples)
    {
        var groups = samples.Compositions.Select((c, i) => (Composition: c, Target: samples.Targets[i]))
            .GroupBy(x => x.Target, x => x.Composition)
            .OrderBy(g => g.Key ?? double.NegativeInfinity)
            .ToArray();
        var targeted = groups.Where(g => g.Key is not null).ToArray();
        return targeted.Length <= RunCommands.ConditionalTargets.Count
            ? groups
            : RunCommands.ConditionalTargets.Select(t => targeted.MinBy(g => Math.Abs(g.Key!.Value - t))!).Distinct().OrderBy(g => g.Key);
    }

    private static string Target(double? target) => target?.ToString("0.###", CultureInfo.InvariantCulture) ?? "–";

    private static MissingFigure Missing(string id, string label, string title, PapersReportOptions options) =>
        new(id, label, title, "no conditional run with generated samples and an evaluation.",
            RunCommands.Produce(options.RunsFolder, Families[1], conditional: true));
}
