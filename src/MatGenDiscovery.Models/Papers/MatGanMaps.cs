using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Generative.Autoencoder;

namespace MatGenDiscovery.Models.Papers;

/// <summary>
/// MatGAN Fig. 3 (training, leave-out and generated compositions) and Fig. 7 (decodable or not by the autoencoder; the
/// caption adds the share of each GAN family's generated compositions the autoencoder cannot reconstruct).
/// </summary>
internal static class MatGanMaps
{
    public static ReportFigure Figure3(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "matgan-fig3";
        var run = RunSelection.First(runs, MatGanFamilies.Gans, r => r.Generated is not null);
        if (run is null)
        {
            return new MissingFigure(id, "Fig. 3", "Map of training, leave-out and generated compositions",
                "no MatGAN run with generated samples.", RunCommands.Produce(options.RunsFolder, "matgan-mp", conditional: false));
        }

        var sets = new (string, IReadOnlyList<Composition>)[]
        {
            ("training", CompositionMap.Sample(run.Training, options.MapPointsPerSet, options.Seed)),
            ("leave-out", CompositionMap.Sample(run.LeaveOut, options.MapPointsPerSet, options.Seed + 1)),
            ("generated", CompositionMap.Sample(Distinct(run.Generated!.Compositions), options.MapPointsPerSet, options.Seed + 2)),
        };
        var total = sets.Sum(s => s.Item2.Count);
        var chart = CompositionMap.Draw($"{run.Source.Experiment}: training, leave-out and generated compositions", sets, options);
        return new ChartFigure(id, "Fig. 3", "Map of training, leave-out and generated compositions", chart,
            $"{CompositionMap.Describe(options, total)} Generated compositions should cover the regions of both the training and the held-out compositions: a generalising model fills the leave-out region it never saw.")
        {
            Sources = [run.Source],
        };
    }

    public static ReportFigure Figure7(IReadOnlyList<PaperRun> runs, PapersReportOptions options)
    {
        const string id = "matgan-fig7";
        var published = new PublishedNumber[]
        {
            new("decodable, OQMD training set", ReportFormat.Percent(PaperNumbers.MatGanDecodableTraining, 2), PaperNumbers.MatGan),
            new("decodable, OQMD test set", ReportFormat.Percent(PaperNumbers.MatGanDecodableTest, 2), PaperNumbers.MatGan),
        };
        var run = RunSelection.First(runs, [MatGanFamilies.Autoencoder], r => r.Decodable is not null);
        if (run is null)
        {
            return new MissingFigure(id, "Fig. 7", "Decodable and non-decodable compositions (autoencoder)",
                "no autoencoder run with a checkpoint.", [$"matgen train --config experiments/{MatGanFamilies.Autoencoder}.json --output {options.RunsFolder}/{MatGanFamilies.Autoencoder}"])
            {
                Published = published,
            };
        }

        var training = CompositionMap.Sample(run.Training, options.MapPointsPerSet, options.Seed);
        var leaveOut = CompositionMap.Sample(run.LeaveOut, options.MapPointsPerSet, options.Seed + 1);
        var all = training.Concat(leaveOut).ToArray();
        var flags = run.Decodable!(all);
        var sets = new (string, IReadOnlyList<Composition>)[]
        {
            ("decodable", all.Where((_, i) => flags[i]).ToArray()),
            ("not decodable", all.Where((_, i) => !flags[i]).ToArray()),
        };
        var trainingShare = training.Count == 0 ? 0 : flags.Take(training.Count).Count(f => f) / (double)training.Count;
        var leaveOutShare = leaveOut.Count == 0 ? 0 : flags.Skip(training.Count).Count(f => f) / (double)leaveOut.Count;
        var gans = RunSelection.PerFamily(runs, MatGanFamilies.Gans, r => r.Generated is not null);
        var chart = CompositionMap.Draw($"{run.Source.Experiment}: compositions the autoencoder reconstructs exactly", sets, options);
        return new ChartFigure(id, "Fig. 7", "Decodable and non-decodable compositions (autoencoder)", chart,
            $"{CompositionMap.Describe(options, all.Length)} Decodable: the count matrix decodes back to the same composition. " +
            $"Ours: {ReportFormat.Percent(trainingShare, 2)} of {training.Count} sampled training and {ReportFormat.Percent(leaveOutShare, 2)} of {leaveOut.Count} sampled leave-out compositions on {run.Dataset}. " +
            GeneratedNote(run.Decodable!, gans))
        {
            Sources = [run.Source, .. gans.Select(g => g.Source)],
            Published = published,
        };
    }

    /// <summary>Decodes each GAN's distinct generated compositions once.</summary>
    private static string GeneratedNote(Func<IReadOnlyList<Composition>, bool[]> decodable, IReadOnlyList<PaperRun> gans)
    {
        if (gans.Count == 0)
        {
            return "No GAN run has generated samples to check yet.";
        }

        var parts = gans.Select(g => (g.Source.Experiment, Result: GeneratedDecodability.Measure(decodable, g.Generated!)))
            .Select(g => $"{g.Experiment} {ReportFormat.Percent(g.Result.NotDecodableDistinctShare, 2)} of {ReportFormat.Count(g.Result.Distinct)} distinct compositions " +
                $"and {ReportFormat.Percent(g.Result.NotDecodableSampleShare, 2)} of {ReportFormat.Count(g.Result.Samples)} decoded samples");
        return $"Generated compositions this autoencoder cannot reconstruct: {string.Join("; ", parts)}.";
    }

    private static IReadOnlyList<Composition> Distinct(IReadOnlyList<Composition> compositions) =>
        compositions.Distinct().ToArray();
}
