using System.Globalization;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Papers;

/// <summary>MatGAN's figures and tables computed from stored evaluations (<c>evaluation.json</c> of each GAN run).</summary>
internal static class MatGanFigures
{
    private static readonly ChartAxis ShareAxis = new("share", "%", "P0", 0, 1);

    /// <summary>One decimal, so bar labels compare with the paper's 84.5% and 0.78% at a glance.</summary>
    private static readonly ChartAxis PreciseShareAxis = new("share", "%", "0.0#%", 0, 1);

    public static ReportFigure Validity(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "matgan-fig4a";
        var published = new[] { new PublishedNumber("GAN-ICSD-Filter samples valid", ReportFormat.Percent(PaperNumbers.MatGanIcsdFilterValidity), PaperNumbers.MatGan) };
        var evaluated = Evaluated(runs);
        var cells = evaluated.Select(r => (Run: r, Cell: DefaultCell(r.Evaluation!))).Where(x => x.Cell is not null).ToArray();
        if (cells.Length == 0)
        {
            return Missing(id, "Fig. 4a", "Validity of training and generated sets", options, MatGanFamilies.IcsdFilter) with { Published = published };
        }

        var chart = new BarChart(
            "Charge-neutral and electronegativity-balanced share (smact14, reduced)",
            new ChartAxis("training set of the GAN"),
            PreciseShareAxis,
            cells.Select(c => c.Run.Family).ToArray(),
            [new ChartSeries("training", cells.Select(c => c.Cell!.TrainingBalanced).ToArray()), new ChartSeries("generated", cells.Select(c => c.Cell!.GeneratedBalanced).ToArray())])
        {
            Width = 720,
            References = [new ReferenceValue($"paper, GAN-ICSD-Filter: {ReportFormat.Percent(PaperNumbers.MatGanIcsdFilterValidity)}", PaperNumbers.MatGanIcsdFilterValidity)],
        };
        return new ChartFigure(id, "Fig. 4a", "Validity of training and generated sets", chart,
            "Valid = charge-neutral and electronegativity-balanced under SMACT's 14 common oxidation states, judged on distinct reduced formulas, alloys not counted valid. The dashed line is the paper's GAN-ICSD-Filter value.")
        {
            Sources = cells.Select(c => c.Run.Source).ToArray(),
            Published = published,
        };
    }

    public static ReportFigure Uniqueness(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "matgan-fig5a";
        var evaluated = Evaluated(runs).Where(r => r.Evaluation!.Uniqueness.Count > 0).ToArray();
        if (evaluated.Length == 0)
        {
            return Missing(id, "Fig. 5a", "Uniqueness as more samples are drawn", options, "matgan-mp");
        }

        var chart = new LineChart(
            "Distinct compositions among the first n samples",
            new ChartAxis("samples n", "count", "G3"),
            ShareAxis,
            evaluated.Select(r => new PointSeries(r.Family, r.Evaluation!.Uniqueness.Select(p => new ChartPoint(p.Samples, p.Share)).ToArray())).ToArray())
        {
            LogX = true,
            Width = 720,
        };
        return new ChartFigure(id, "Fig. 5a", "Uniqueness as more samples are drawn", chart,
            "Share of distinct reduced compositions among the first n samples, per GAN. The generated files hold the distinct compositions of each draw, so uniqueness is measured within what was kept.")
        {
            Sources = evaluated.Select(r => r.Source).ToArray(),
        };
    }

    public static ReportFigure Recovery(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "matgan-fig5b";
        var run = RunSelection.First(runs, MatGanFamilies.Gans, r => r.Evaluation is not null);
        if (run is null)
        {
            return Missing(id, "Fig. 5b", "Recovery of training and leave-out compositions per arity", options, "matgan-mp");
        }

        var recovery = run.Evaluation!.Recovery;
        var arities = recovery.Training.ByArity.Select(a => a.Arity).Union(recovery.LeaveOut.ByArity.Select(a => a.Arity)).Order().ToArray();
        var novel = run.Evaluation.Arity.ToDictionary(a => a.Arity, a => a.Generated);
        var chart = new BarChart(
            $"{run.Source.Experiment}: recovered share per number of elements",
            new ChartAxis("number of elements"),
            new ChartAxis("recovered share", "%", "P1", 0),
            arities.Select(a => a.ToString(CultureInfo.InvariantCulture)).ToArray(),
            [
                new ChartSeries("training", arities.Select(a => Share(recovery.Training, a)).ToArray()),
                new ChartSeries("leave-out", arities.Select(a => Share(recovery.LeaveOut, a)).ToArray()),
            ])
        {
            Width = 720,
        };
        var arityShares = string.Join(", ", arities.Where(novel.ContainsKey).Select(a => $"{a}: {ReportFormat.Percent(novel[a])}"));
        return new ChartFigure(id, "Fig. 5b", "Recovery of training and leave-out compositions per arity", chart,
            $"Overall: training {ReportFormat.Percent(recovery.Training.Share)} of {ReportFormat.Count(recovery.Training.Size)}, leave-out {ReportFormat.Percent(recovery.LeaveOut.Share)} of {ReportFormat.Count(recovery.LeaveOut.Size)} " +
            $"(gap {recovery.GapInPoints()}, one standard error); " +
            $"novel share of distinct generated compositions {ReportFormat.Percent(run.Evaluation.Novelty.Share)}. Generated compositions by arity: {arityShares}.")
        {
            Sources = [run.Source],
        };
    }

    public static ReportFigure Novelty(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "matgan-table1";
        var published = new[] { new PublishedNumber("GAN-ICSD novelty at 2 million samples", ReportFormat.Percent(PaperNumbers.MatGanIcsdNovelty, 2), PaperNumbers.MatGan) };
        var evaluated = Evaluated(runs);
        if (evaluated.Count == 0)
        {
            return Missing(id, "Table 1", "Novelty of generated compositions", options, "matgan-mp") with { Published = published };
        }

        return new TableFigure(id, "Table 1", "Novelty of generated compositions", "Novel = distinct generated reduced composition absent from the GAN's training set.",
            ["GAN", "samples", "distinct", "novel", "novel share"],
            evaluated.Select(r => (IReadOnlyList<string>)
            [
                r.Source.Experiment, ReportFormat.Count(r.Evaluation!.Inputs.Samples), ReportFormat.Count(r.Evaluation.Novelty.Unique),
                ReportFormat.Count(r.Evaluation.Novelty.Novel), ReportFormat.Percent(r.Evaluation.Novelty.Share, 2),
            ]).ToArray())
        {
            Sources = evaluated.Select(r => r.Source).ToArray(),
            Published = published,
        };
    }

    public static ReportFigure Confirmation(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "matgan-table2";
        var evaluated = Evaluated(runs).Where(r => r.Evaluation!.Confirmation.Count > 0).ToArray();
        if (evaluated.Length == 0)
        {
            return new MissingFigure(id, "Table 2", "Novel compositions confirmed by other databases",
                "no evaluation was run with reference databases.",
                RunCommands.Produce(options.RunsFolder, "matgan-mp", conditional: false, extraEvaluate: " --reference-databases oqmd,icsd"));
        }

        var rows = evaluated.SelectMany(r => r.Evaluation!.Confirmation.Select(c => (IReadOnlyList<string>)
        [
            r.Source.Experiment, c.Database, ReportFormat.Count(c.Novel), ReportFormat.Count(c.Confirmed), ReportFormat.Percent(c.Share, 2),
            c.Examples.Count == 0 ? "–" : string.Join(", ", c.Examples.Take(8)),
        ])).ToArray();
        return new TableFigure(id, "Table 2", "Novel compositions confirmed by other databases",
            "Generated compositions absent from the GAN's training set that another database lists: evidence they are synthesisable or at least computed.",
            ["GAN", "database", "novel", "confirmed", "share", "examples"], rows)
        {
            Sources = evaluated.Select(r => r.Source).ToArray(),
        };
    }

    public static ReportFigure Enrichment(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "matgan-enrichment";
        var published = new[]
        {
            new PublishedNumber("valid share, exhaustive enumeration", ReportFormat.Percent(PaperNumbers.MatGanEnumerationValidShare, 2), PaperNumbers.MatGan),
            new PublishedNumber("valid share, generated", ReportFormat.Percent(PaperNumbers.MatGanGeneratedValidShare, 2), PaperNumbers.MatGan),
            new PublishedNumber("enrichment", $"{PaperNumbers.MatGanEnrichment:F0}×", PaperNumbers.MatGan),
        };
        var run = RunSelection.First(runs, MatGanFamilies.Gans, r => r.Evaluation is { Enrichment.Count: > 0 });
        if (run is null)
        {
            return Missing(id, "Enrichment", "Enrichment over exhaustive enumeration", options, "matgan-mp") with { Published = published };
        }

        var results = run.Evaluation!.Enrichment;
        var chart = new BarChart(
            $"{run.Source.Experiment}: valid share, enumeration vs generated",
            new ChartAxis("arity, max count M"),
            PreciseShareAxis,
            results.Select(e => $"{e.Arity}, M={e.MaxCount}").ToArray(),
            [
                new ChartSeries("exhaustive enumeration", results.Select(e => e.EnumerationValidShare).ToArray()),
                new ChartSeries("generated", results.Select(e => e.GeneratedValidShare).ToArray()),
            ])
        {
            Width = 720,
            References =
            [
                new ReferenceValue($"paper, generated: {ReportFormat.Percent(PaperNumbers.MatGanGeneratedValidShare, 2)}", PaperNumbers.MatGanGeneratedValidShare),
                new ReferenceValue($"paper, enumeration: {ReportFormat.Percent(PaperNumbers.MatGanEnumerationValidShare, 2)}", PaperNumbers.MatGanEnumerationValidShare),
            ],
        };
        var factors = string.Join("; ", results.Select(e =>
            $"arity {e.Arity}: {ReportFormat.Percent(e.GeneratedValidShare, 2)} of {ReportFormat.Count(e.GeneratedInSpace)} generated vs {ReportFormat.Percent(e.EnumerationValidShare, 2)} of {ReportFormat.Count(e.EnumeratedCompositions)} enumerated over {e.ElementSet}" +
            (e.Factor is { } f ? $" = {f.ToString("F1", CultureInfo.InvariantCulture)}×" : "")));
        return new ChartFigure(id, "Enrichment", "Enrichment over exhaustive enumeration", chart,
            $"Valid = smact14 charge-neutral and electronegativity-balanced. Ours: {factors}.")
        {
            Sources = [run.Source],
            Published = published,
        };
    }

    private static IReadOnlyList<PaperRun> Evaluated(IReadOnlyList<PaperRun> runs) =>
        RunSelection.PerFamily(runs, MatGanFamilies.Gans, r => r.Evaluation is not null);

    private static ValidityCell? DefaultCell(EvaluationReport report) =>
        report.Validity.FirstOrDefault(c => c is { OxidationStates: "smact14", Alloys: false, Unreduced: false });

    private static double Share(SetRecovery recovery, int arity) => recovery.ByArity.FirstOrDefault(a => a.Arity == arity)?.Share ?? 0;

    private static MissingFigure Missing(string id, string label, string title, PapersReportOptions options, string family) =>
        new(id, label, title, $"no evaluated MatGAN run (expected {options.RunsFolder}/<experiment>/{RunCommands.EvaluationFile}).",
            RunCommands.Produce(options.RunsFolder, family, conditional: false));
}
