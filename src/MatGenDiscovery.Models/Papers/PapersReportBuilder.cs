namespace MatGenDiscovery.Models.Papers;

/// <summary>
/// Builds the side-by-side report from loaded runs: MatGAN's Fig. 3–7, Tables 1–2 and the enrichment, then Sawada et
/// al.'s Tables 1–6 and Fig. 1. A figure whose inputs are absent becomes a <see cref="MissingFigure"/>.
/// </summary>
public static class PapersReportBuilder
{
    /// <param name="predictors">Trained predictors for MatGAN's Fig. 4b (formation energy) and Fig. 6 (band gap); absent ones leave those figures missing.</param>
    public static PapersReport Build(IReadOnlyList<PaperRun> runs, PapersReportOptions options, IReadOnlyList<PaperPredictor>? predictors = null)
    {
        var formationEnergy = predictors?.FirstOrDefault(p => p.Property == PaperPredictor.FormationEnergy);
        var bandGap = predictors?.FirstOrDefault(p => p.Property == PaperPredictor.BandGap);
        var matGan = new ReportSection(
            "matgan",
            "MatGAN: GAN-based sampling of chemical composition space",
            PaperNumbers.MatGan,
            [
                MatGanMaps.Figure3(runs, options),
                MatGanFigures.Validity(runs, options),
                PredictedFigures.FormationEnergy(runs, formationEnergy, options),
                MatGanFigures.Uniqueness(runs, options),
                MatGanFigures.Recovery(runs, options),
                MatGanFigures.Novelty(runs, options),
                MatGanFigures.Confirmation(runs, options),
                PredictedFigures.BandGap(runs, bandGap, options),
                MatGanFigures.Enrichment(runs, options),
                MatGanMaps.Figure7(runs, options),
            ]);
        var sawada = new ReportSection(
            "sawada",
            "Sawada et al.: conditional generation of compositions with a target formation energy",
            PaperNumbers.Sawada,
            [
                SawadaFigures.Examples(runs, options),
                SawadaFigures.Accuracy(runs, options),
                SawadaFigures.Nearest(runs, options),
                SawadaStudies.CriticHead(runs, options),
                SawadaFigures.Repair(runs, options),
                SawadaFigures.NearestHistogram(runs, options),
                SawadaStudies.Extrapolation(runs, options),
            ]);
        var notes = new List<string>
        {
            $"Built from {runs.Count} run(s) in {options.RunsFolder}: {string.Join(", ", runs.Select(r => r.Source.Experiment))}.",
            "Each figure names the run it was computed from (experiment config, seed, checkpoint digest) so it can be regenerated; the paper's numbers are quoted beside ours and drawn as dashed red lines where the chart has the same quantity.",
        };
        if (runs.Any(r => r.IsQuick))
        {
            notes.Add("Runs named '-quick' are short smoke-test trainings: their numbers show the pipeline works, not how close the reproduction gets.");
        }

        return new PapersReport("MatGenDiscovery: reproducing MatGAN and Sawada et al.", [matGan, sawada], notes);
    }
}
