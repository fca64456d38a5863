using System.Globalization;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Reporting;

/// <summary>Lays out an <see cref="EvaluationReport"/> as an <see cref="HtmlReport"/>: the inputs, then one section per metric with charts and tables.</summary>
public static class EvaluationHtmlReport
{
    private static readonly ChartAxis ShareAxis = new("share", "%", "P0", 0, 1);

    public static HtmlReport Build(EvaluationReport report)
    {
        var html = new HtmlReport($"Evaluation of {Path.GetFileName(report.Inputs.GeneratedFile)}");
        AddInputs(html, report.Inputs);
        AddValidity(html, report.Validity);
        AddUniqueness(html, report.Uniqueness);
        AddNoveltyAndRecovery(html, report);
        AddArity(html, report.Arity);
        AddEnrichment(html, report.Enrichment);
        AddConfirmation(html, report.Confirmation);
        if (report.Conditional is { } conditional)
        {
            AddConditional(html, conditional);
        }

        if (report.Repair is { } repair)
        {
            AddRepair(html, repair);
        }

        return html;
    }

    private static void AddInputs(HtmlReport html, EvaluationInputs inputs)
    {
        html.AddTable(
            ["input", "value"],
            [
                ["generated file", inputs.GeneratedFile],
                ["experiment config", inputs.ConfigFile ?? "–"],
                ["experiment", inputs.Experiment ?? "–"],
                ["training dataset", inputs.Dataset ?? "–"],
                ["seed", inputs.Seed?.ToString(CultureInfo.InvariantCulture) ?? "–"],
                ["target property", inputs.TargetProperty ?? "–"],
                ["samples parsed", Count(inputs.Samples)],
                ["unparsable rows", Count(inputs.Unparsable) + (inputs.UnparsableExamples.Count > 0 ? $" (e.g. {string.Join(", ", inputs.UnparsableExamples.Take(5))})" : "")],
                ["distinct reduced compositions", Count(inputs.UniqueSamples)],
                ["training compositions", Count(inputs.TrainingSize)],
                ["leave-out compositions", Count(inputs.LeaveOutSize)],
            ],
            "Inputs");
    }

    private static void AddValidity(HtmlReport html, IReadOnlyList<ValidityCell> cells)
    {
        html.AddHeading("SMACT validity");
        html.AddParagraph(
            "Share of distinct compositions that are charge-neutral (CN) and charge-neutral and electronegativity-balanced " +
            "(valid, SMACT's default verdict), for each oxidation-state set, with alloys counted valid or not, judged on reduced " +
            "formulas or as written (unreduced).");
        html.AddChart(
            new BarChart(
                "Charge-neutral and electronegativity-balanced share",
                new ChartAxis("setting"),
                ShareAxis,
                cells.Select(c => c.Label).ToArray(),
                [new ChartSeries("training", cells.Select(c => c.TrainingBalanced).ToArray()), new ChartSeries("generated", cells.Select(c => c.GeneratedBalanced).ToArray())])
            {
                Width = 1000,
                ShowValues = cells.Count <= 8,
                References = [new ReferenceValue($"MatGAN GAN-ICSD: {Percent(PublishedValues.MatGanIcsdValidity)}", PublishedValues.MatGanIcsdValidity)],
            },
            "The dashed line is MatGAN's published validity of GAN-ICSD samples (smact14, reduced, no alloys).");
        html.AddTable(
            ["setting", "training CN", "training valid", "generated CN", "generated valid"],
            cells.Select(c => (IReadOnlyList<string>)[c.Label, Percent(c.TrainingChargeNeutral), Percent(c.TrainingBalanced), Percent(c.GeneratedChargeNeutral), Percent(c.GeneratedBalanced)]));
    }

    private static void AddUniqueness(HtmlReport html, IReadOnlyList<UniquenessPoint> points)
    {
        html.AddHeading("Uniqueness");
        if (points.Count == 0)
        {
            html.AddParagraph("No samples.", note: true);
            return;
        }

        html.AddChart(
            new LineChart(
                "Distinct compositions among the first n samples",
                new ChartAxis("samples n", Format: "N0"),
                ShareAxis,
                [new PointSeries("unique share", points.Select(p => new ChartPoint(p.Samples, p.Share)).ToArray())])
            {
                LogX = true,
            });
        html.AddTable(["samples", "distinct", "share"], points.Select(p => (IReadOnlyList<string>)[Count(p.Samples), Count(p.Unique), Percent(p.Share)]));
    }

    private static void AddNoveltyAndRecovery(HtmlReport html, EvaluationReport report)
    {
        html.AddHeading("Novelty and recovery");
        var recovery = report.Recovery;
        html.AddTable(
            ["measure", "count", "of", "share"],
            [
                ["novel (absent from training)", Count(report.Novelty.Novel), Count(report.Novelty.Unique), Percent(report.Novelty.Share)],
                ["training set recovered", Count(recovery.Training.Recovered), Count(recovery.Training.Size), Percent(recovery.Training.Share)],
                ["leave-out set recovered", Count(recovery.LeaveOut.Recovered), Count(recovery.LeaveOut.Size), Percent(recovery.LeaveOut.Share)],
            ]);
        html.AddParagraph(
            "MatGAN's generalisation check: held-out compositions the model never saw should be recovered at a rate close to the training compositions'. " +
            $"Leave-out minus training: {recovery.GapInPoints()}, one standard error of a pooled two-proportion test (within about two standard errors is sampling noise).",
            note: true);
        var arities = recovery.Training.ByArity.Select(a => a.Arity).Union(recovery.LeaveOut.ByArity.Select(a => a.Arity)).Order().ToArray();
        if (arities.Length == 0)
        {
            return;
        }

        html.AddChart(new BarChart(
            "Recovery per arity",
            new ChartAxis("number of elements"),
            new ChartAxis("recovered share", "%", "P1", 0),
            arities.Select(a => a.ToString(CultureInfo.InvariantCulture)).ToArray(),
            [
                new ChartSeries("training", arities.Select(a => ShareOf(recovery.Training, a)).ToArray()),
                new ChartSeries("leave-out", arities.Select(a => ShareOf(recovery.LeaveOut, a)).ToArray()),
            ]));
    }

    private static void AddArity(HtmlReport html, IReadOnlyList<ArityShare> arity)
    {
        html.AddHeading("Arity distribution");
        if (arity.Count == 0)
        {
            return;
        }

        html.AddChart(new BarChart(
            "Distinct compositions by number of elements",
            new ChartAxis("number of elements"),
            new ChartAxis("share", "%", "P0", 0),
            arity.Select(a => a.Arity.ToString(CultureInfo.InvariantCulture)).ToArray(),
            [new ChartSeries("training", arity.Select(a => a.Training).ToArray()), new ChartSeries("generated", arity.Select(a => a.Generated).ToArray())]));
    }

    private static void AddEnrichment(HtmlReport html, IReadOnlyList<EnrichmentResult> enrichment)
    {
        html.AddHeading("Enrichment over exhaustive enumeration");
        if (enrichment.Count == 0)
        {
            html.AddParagraph("Not computed.", note: true);
            return;
        }

        html.AddTable(
            ["arity", "max count", "element set", "enumerated", "enumeration valid", "generated in space", "generated valid", "enrichment"],
            enrichment.Select(e => (IReadOnlyList<string>)
            [
                e.Arity.ToString(CultureInfo.InvariantCulture), e.MaxCount.ToString(CultureInfo.InvariantCulture),
                $"{e.ElementSet} ({e.ElementCount})", Count(e.EnumeratedCompositions), Percent(e.EnumerationValidShare, "P2"),
                Count(e.GeneratedInSpace), Percent(e.GeneratedValidShare, "P2"),
                e.Factor is { } f ? f.ToString("F1", CultureInfo.InvariantCulture) + "×" : "–",
            ]));
        html.AddParagraph(
            $"Valid = smact14 charge-neutral and electronegativity-balanced. MatGAN quotes {Percent(PublishedValues.MatGanEnumerationValidShare, "P2")} " +
            $"for exhaustive enumeration against {Percent(PublishedValues.MatGanGeneratedValidShare, "P2")} for generated compositions.",
            note: true);
    }

    private static void AddConfirmation(HtmlReport html, IReadOnlyList<ConfirmationResult> confirmation)
    {
        html.AddHeading("Cross-database confirmation");
        if (confirmation.Count == 0)
        {
            html.AddParagraph("No reference databases were given.", note: true);
            return;
        }

        html.AddTable(
            ["database", "size", "novel generated", "found in database", "share", "examples"],
            confirmation.Select(c => (IReadOnlyList<string>)
            [
                c.Database, Count(c.DatabaseSize), Count(c.Novel), Count(c.Confirmed), Percent(c.Share, "P2"),
                c.Examples.Count == 0 ? "–" : string.Join(", ", c.Examples),
            ]));
    }

    private static void AddConditional(HtmlReport html, ConditionalResult conditional)
    {
        html.AddHeading("Conditional generation (Sawada et al.)");
        html.AddTable(
            ["samples with a target", "MAE", "RMSE", "mean distance to nearest training composition"],
            [[Count(conditional.Count), Number(conditional.Mae), Number(conditional.Rmse), Number(conditional.MeanDistance)]]);
        html.AddParagraph(
            "For each sample the property of the nearest training composition (Euclidean distance between atomic-fraction vectors) is compared with the requested target; errors are in the property's units.",
            note: true);
    }

    private static void AddRepair(HtmlReport html, RepairSummary repair)
    {
        html.AddHeading("Valency repair (Metropolis–Hastings)");
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "mean valence error (charge per atom)", Number(repair.MeanValenceErrorBefore), Number(repair.MeanValenceErrorAfter) },
            new[] { "charge-neutral share", Percent(repair.NeutralShareBefore), Percent(repair.NeutralShareAfter) },
        };
        if (repair is { ConditionalBefore: { } before, ConditionalAfter: { } after })
        {
            rows.Add(["MAE to nearest training property", Number(before.Mae), Number(after.Mae)]);
            rows.Add(["mean distance to nearest training composition", Number(before.MeanDistance), Number(after.MeanDistance)]);
        }

        html.AddTable(["measure", "raw", "repaired"], rows, $"{Count(repair.Count)} samples ({Count(repair.CannotBeNeutral)} cannot be neutral under the oxidation-state set), mean {Number(repair.MeanSteps)} steps");
        if (repair.Examples.Count > 0)
        {
            html.AddTable(
                ["raw", "repaired", "valence error before", "after"],
                repair.Examples.Select(e => (IReadOnlyList<string>)[e.Before, e.After, e.ValenceErrorBefore is { } b ? Number(b) : "–", e.ValenceErrorAfter is { } a ? Number(a) : "–"]),
                "Examples");
        }
    }

    private static double ShareOf(SetRecovery recovery, int arity) =>
        recovery.ByArity.FirstOrDefault(a => a.Arity == arity)?.Share ?? 0;

    private static string Percent(double share, string format = "P1") => share.ToString(format, CultureInfo.InvariantCulture);

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
