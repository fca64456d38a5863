using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Generative.CondGan;
using MatGenDiscovery.Models.Papers;
using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Tests.Papers;

/// <summary>Sawada's Table 4 and Fig. 1B (<c>SawadaStudies</c>, internal), through the report builder.</summary>
public sealed class SawadaStudiesTests
{
    private static readonly PapersReportOptions Options = new() { Embedding = EmbeddingMethod.Pca, RunsFolder = "RUNS" };

    [Fact]
    public void CriticHead_TwoSeeds_ReportsCriticAndPlainMeanAndStd()
    {
        var runs = new[] { (0.3, 0.2), (0.5, 0.4) }.Select((errors, i) =>
            PaperRunFactory.CondGan($"condgan-xbp-formation-energy-seed{i}", i, 0.4) with
            {
                PropertyHead = () => new PropertyHeadResult(100, errors.Item1, errors.Item1 * 2, errors.Item2, errors.Item2 * 2, 500),
            }).ToArray();

        var table = Figure(runs, "sawada-table4").Should().BeOfType<TableFigure>().Subject;

        table.Rows.Should().ContainSingle().Which.Should().Equal(
            "condgan-xbp-formation-energy", "100", "0.400 ± 0.141 (2 seeds)", "0.800 ± 0.283 (2 seeds)", "0.300 ± 0.141 (2 seeds)", "0.600 ± 0.283 (2 seeds)");
        table.Sources.Should().HaveCount(2);
        table.Caption.Should().Contain("500 Adam updates");
    }

    [Fact]
    public void CriticHead_NoCheckpointedCondGan_IsMissingWithCommands()
    {
        var figure = Figure([PaperRunFactory.CondGan("condgan-xbp-formation-energy", 1, 0.4)], "sawada-table4");

        figure.Should().BeOfType<MissingFigure>().Which.Commands.Should().Contain(c => c.StartsWith("matgen train"));
    }

    [Fact]
    public void Extrapolation_TargetsAboveTheRange_ErrorAgainstTheWholeSet()
    {
        // Trained on y ≤ 0; NaCl asked for 1.0 is nearest to NaCl (−2): error 3; MgO asked for 1.0 is MgO (0.5): error 0.5;
        // KCl asked for −1 lies inside the training range and is not counted.
        var generated = new GeneratedSamples(Parse("NaCl", "MgO", "KCl"), [1.0, 1.0, -1.0], 0, []);
        var run = PaperRunFactory.CondGan("condgan-xbp-extrapolation-below-0", 42, 0.4) with
        {
            Generated = generated,
            TrainingMax = 0,
            Reference = Parse("NaCl", "MgO"),
            ReferenceTargets = [-2.0, 0.5],
        };

        var figure = Figure([run], "sawada-fig1b").Should().BeOfType<ChartFigure>().Subject;

        var chart = figure.Chart.Should().BeOfType<BarChart>().Subject;
        chart.Categories.Should().Equal("trained on ≤ 0");
        chart.Series[0].Values[0].Should().BeApproximately(Math.Sqrt((9 + 0.25) / 2), 1e-12);
        chart.Series[1].Values[0].Should().BeApproximately(1.75, 1e-12);
        figure.Sources.Single().Experiment.Should().Be("condgan-xbp-extrapolation-below-0");
    }

    [Fact]
    public void Extrapolation_NoRestrictedRun_IsMissing()
    {
        var figure = Figure([PaperRunFactory.CondGan("condgan-xbp-formation-energy", 1, 0.4)], "sawada-fig1b");

        figure.Should().BeOfType<MissingFigure>().Which.Reason.Should().Contain("condgan-xbp-extrapolation");
    }

    [Fact]
    public void Accuracy_CompactSamples_AddsPerSampleColumnsWeightedByCount()
    {
        // Training NaCl (0 eV) and KCl (−0.25): NaCl asked for −1 three times (error 1), KCl asked for −0.25 once (error 0).
        var generated = new GeneratedSamples(Parse("NaCl", "KCl"), [-1.0, -0.25], 0, [], Counts: [3, 1]);
        var run = PaperRunFactory.CondGan("condgan-formation-energy", 42, 0.4) with { Generated = generated };

        var table = Figure([run], "sawada-table2").Should().BeOfType<TableFigure>().Subject;

        table.Headers.Should().EndWith(["per-sample MAE", "per-sample RMSE"]);
        table.Rows.Single()[4].Should().StartWith("0.750");
        table.Rows.Single()[5].Should().StartWith("0.866");
    }

    private static ReportFigure Figure(IReadOnlyList<PaperRun> runs, string id) =>
        PapersReportBuilder.Build(runs, Options).Figures.Single(f => f.Id == id);

    private static Composition[] Parse(params string[] formulas) => formulas.Select(Composition.Parse).ToArray();
}
