using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Papers;
using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Tests.Papers;

public sealed class PapersReportBuilderTests
{
    private static readonly PapersReportOptions Pca = new() { Embedding = EmbeddingMethod.Pca, RunsFolder = "RUNS" };

    [Fact]
    public void Build_NoRuns_EveryFigureIsMissingWithItsCommands()
    {
        var report = PapersReportBuilder.Build([], Pca);

        report.Figures.Should().HaveCount(17).And.AllBeOfType<MissingFigure>();
        var validity = report.Figures.Single(f => f.Id == "matgan-fig4a");
        ((MissingFigure)validity).Commands.Should().Contain(c => c.StartsWith("matgen evaluate --generated RUNS/matgan-icsd-filter/generated.csv"));
        report.Figures.Select(f => f.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Build_EvaluatedMatGan_DrawsValidityWithThePaperLine()
    {
        var report = PapersReportBuilder.Build([PaperRunFactory.MatGan("matgan-mp-quick")], Pca);

        var validity = report.Figures.Single(f => f.Id == "matgan-fig4a").Should().BeOfType<ChartFigure>().Subject;
        var chart = validity.Chart.Should().BeOfType<BarChart>().Subject;
        chart.Series.Select(s => s.Values[0]).Should().Equal(0.9, 0.7);
        chart.References.Should().ContainSingle(r => r.Value == 0.845);
        validity.Sources.Single().CheckpointDigest.Should().Be("0123456789ab");
        validity.Published.Should().ContainSingle(p => p.Value == "84.5%");
    }

    [Fact]
    public void Build_MatGanRun_MapsEverySetOnce()
    {
        var report = PapersReportBuilder.Build([PaperRunFactory.MatGan("matgan-mp")], Pca);

        var map = report.Figures.Single(f => f.Id == "matgan-fig3").Should().BeOfType<ChartFigure>().Subject;
        var series = map.Chart.Should().BeOfType<ScatterChart>().Subject.Series;
        series.Select(s => s.Points.Count).Should().Equal(12, 6, 9); // generated: 9 distinct of 10
        series.Select(s => s.Name).Should().Equal("training (12)", "leave-out (6)", "generated (9)");
    }

    [Fact]
    public void Build_FullAndQuickRuns_PrefersTheFullRun()
    {
        var quick = PaperRunFactory.MatGan("matgan-mp-quick", evaluation: PaperRunFactory.Evaluation(0.1, 0.1));
        var full = PaperRunFactory.MatGan("matgan-mp", evaluation: PaperRunFactory.Evaluation(0.9, 0.8));

        var report = PapersReportBuilder.Build([quick, full], Pca);

        var novelty = report.Figures.Single(f => f.Id == "matgan-table1").Should().BeOfType<TableFigure>().Subject;
        novelty.Rows.Should().ContainSingle().Which[0].Should().Be("matgan-mp");
        report.Notes.Should().Contain(n => n.Contains("smoke-test"));
    }

    [Fact]
    public void Build_ThreeSeedsOfACondGan_ReportsMeanAndStandardDeviation()
    {
        var runs = new[] { 0.3, 0.4, 0.5 }.Select((mae, i) => PaperRunFactory.CondGan($"condgan-xbp-formation-energy-seed{i}", i, mae)).ToArray();

        var report = PapersReportBuilder.Build(runs, Pca);

        var accuracy = report.Figures.Single(f => f.Id == "sawada-table2").Should().BeOfType<TableFigure>().Subject;
        accuracy.Rows.Should().ContainSingle().Which[1].Should().Be("0.400 ± 0.100 (3 seeds)");
        accuracy.Sources.Should().HaveCount(3);
        accuracy.Published.Should().ContainSingle(p => p.Value == "0.37 eV/atom");
    }

    [Fact]
    public void Build_ConditionalRun_HistogramsNearestPropertyPerTarget()
    {
        var report = PapersReportBuilder.Build([PaperRunFactory.CondGan("condgan-xbp-formation-energy", 1, 0.4)], Pca);

        var histogram = report.Figures.Single(f => f.Id == "sawada-fig1a").Should().BeOfType<ChartFigure>().Subject.Chart.Should().BeOfType<HistogramChart>().Subject;
        histogram.Series.Select(s => s.Name).Should().Equal("target -2 eV/atom", "target -1 eV/atom");
        // NaCl, KBr, LiF are nearest to training NaCl (index 0, −0 eV), KCl (−0.25) and LiF (−0.5).
        histogram.Series[0].Values.Should().Equal(0, -0.25, -0.5);
        var nearest = report.Figures.Single(f => f.Id == "sawada-table3").Should().BeOfType<TableFigure>().Subject;
        nearest.Rows[0].Should().Equal("condgan-xbp-formation-energy", "-2", "NaCl", "NaCl", "0", "0");
    }

    [Fact]
    public void Build_AutoencoderAndGanRuns_Fig7StatesTheNonDecodableShareOfEachGanFamilyDecodingEachOnce()
    {
        var calls = 0;
        bool[] NoSulfur(IReadOnlyList<Composition> compositions)
        {
            calls++;
            return compositions.Select(c => c.Elements.All(e => e.Symbol != "S")).ToArray();
        }

        var bandgap = PaperRunFactory.MatGan("matgan-bandgap") with
        {
            Generated = new GeneratedSamples([Composition.Parse("NaCl"), Composition.Parse("ZnS")], [null, null], 0, [], Counts: [5, 15], Undecoded: 4),
        };
        var runs = new[]
        {
            PaperRunFactory.MatGan("matgan-mp"), PaperRunFactory.MatGan("matgan-mp-quick"), bandgap,
            PaperRunFactory.Autoencoder("autoencoder-mp", NoSulfur),
        };

        var report = PapersReportBuilder.Build(runs, Pca);

        var figure = report.Figures.Single(f => f.Id == "matgan-fig7").Should().BeOfType<ChartFigure>().Subject;
        // matgan-mp generated MgS, CaS and Li2S once each among 9 distinct compositions in 10 samples.
        figure.Caption.Should().Contain(
            "Generated compositions this autoencoder cannot reconstruct: matgan-mp 33.33% of 9 distinct compositions and 30.00% of 10 decoded samples; " +
            "matgan-bandgap 50.00% of 2 distinct compositions and 75.00% of 20 decoded samples.");
        figure.Caption.Should().NotContain("matgan-mp-quick");
        calls.Should().Be(3, "the map's training and leave-out sample, then each GAN family once");
        figure.Sources.Select(s => s.Experiment).Should().Equal("autoencoder-mp", "matgan-mp", "matgan-bandgap");
    }

    [Fact]
    public void Build_AutoencoderWithoutGanSamples_Fig7SaysThereIsNothingGeneratedToCheck()
    {
        var report = PapersReportBuilder.Build([PaperRunFactory.Autoencoder("autoencoder-mp", c => new bool[c.Count])], Pca);

        var figure = report.Figures.Single(f => f.Id == "matgan-fig7").Should().BeOfType<ChartFigure>().Subject;
        figure.Caption.Should().Contain("No GAN run has generated samples to check yet.");
        figure.Sources.Should().ContainSingle();
    }

    [Fact]
    public void Build_TSne_SameSeedGivesTheSameMap()
    {
        var options = new PapersReportOptions { Embedding = EmbeddingMethod.TSne, TSneIterations = 100, Seed = 5 };
        var runs = new[] { PaperRunFactory.MatGan("matgan-mp") };

        var first = (ScatterChart)((ChartFigure)PapersReportBuilder.Build(runs, options).Figures.First()).Chart;
        var second = (ScatterChart)((ChartFigure)PapersReportBuilder.Build(runs, options).Figures.First()).Chart;

        second.Series.SelectMany(s => s.Points).Should().Equal(first.Series.SelectMany(s => s.Points));
        first.XAxis.Title.Should().Be("t-SNE 1 (arbitrary units)");
    }
}
