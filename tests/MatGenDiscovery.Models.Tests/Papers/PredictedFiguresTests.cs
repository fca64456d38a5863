using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Papers;
using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Tests.Papers;

public sealed class PredictedFiguresTests
{
    private static readonly PapersReportOptions Pca = new() { Embedding = EmbeddingMethod.Pca, RunsFolder = "RUNS" };

    [Fact]
    public void Build_FormationEnergyPredictor_HistogramsTheDistinctLithiumCompositionsPerGan()
    {
        var scored = new List<string>();
        var predictor = new PaperPredictor(PaperPredictor.FormationEnergy, "test predictor", compositions =>
        {
            scored.AddRange(compositions.Select(c => c.ReducedFormula));
            return compositions.Select(c => c.ReducedFormula == "Li2S" ? (double?)null : -1.5).ToArray();
        });

        var report = PapersReportBuilder.Build([PaperRunFactory.MatGan("matgan-mp")], Pca, [predictor]);

        var chart = report.Figures.Single(f => f.Id == "matgan-fig4b").Should().BeOfType<ChartFigure>().Subject.Chart.Should().BeOfType<HistogramChart>().Subject;
        scored.Should().BeEquivalentTo("LiF", "Li2S");
        chart.Series.Should().ContainSingle().Which.Values.Should().Equal(-1.5); // Li2S could not be predicted
        chart.XAxis.Title.Should().Be("predicted formation energy (eV/atom)");
    }

    [Fact]
    public void Build_NoPredictors_LeavesPredictedFiguresMissingWithTheTrainingCommand()
    {
        var report = PapersReportBuilder.Build([PaperRunFactory.MatGan("matgan-bandgap")], Pca);

        var missing = report.Figures.Single(f => f.Id == "matgan-fig6").Should().BeOfType<MissingFigure>().Subject;
        missing.Commands.Should().ContainSingle().Which.Should().Be("matgen predictor train --dataset mp --target band_gap --output RUNS/predictors/band_gap");
    }

    [Fact]
    public void Build_BandGapPredictorAndBandgapRun_ComparesGeneratedTrainingAndEnumeratedTernaries()
    {
        var enumerated = new List<Composition>();
        var predictor = new PaperPredictor(PaperPredictor.BandGap, "test predictor", compositions =>
        {
            if (compositions.Count == 2000)
            {
                enumerated.AddRange(compositions);
            }

            return compositions.Select(c => (double?)c.Arity).ToArray();
        });

        var report = PapersReportBuilder.Build([PaperRunFactory.MatGan("matgan-bandgap")], Pca, [predictor]);

        var chart = report.Figures.Single(f => f.Id == "matgan-fig6").Should().BeOfType<ChartFigure>().Subject.Chart.Should().BeOfType<HistogramChart>().Subject;
        chart.Series.Select(s => s.Name).Should().Equal("GAN-Bandgap samples (9)", "training set (12)", "enumerated ternaries (2000)");
        enumerated.Should().OnlyHaveUniqueItems().And.OnlyContain(c => c.Arity == 3 && c.ReducedCounts.All(n => n <= 8));
    }
}
