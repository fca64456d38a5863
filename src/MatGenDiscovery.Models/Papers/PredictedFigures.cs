using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Papers;

/// <summary>MatGAN Fig. 4b and Fig. 6: distributions of predicted properties, scored by the project's predictors.</summary>
internal static class PredictedFigures
{
    private const int EnumerationSamples = 2000;

    public static ReportFigure FormationEnergy(IReadOnlyList<PaperRun> runs, PaperPredictor? predictor, PapersReportOptions options)
    {
        const string id = "matgan-fig4b";
        const string title = "Predicted formation energy of generated lithium-containing compositions";
        if (predictor is null)
        {
            return new MissingFigure(id, "Fig. 4b", title, $"no formation-energy predictor in {options.RunsFolder}/predictors/{PaperPredictor.FormationEnergy}.",
                [PredictorCommand(options, "formation_energy", PaperPredictor.FormationEnergy)]);
        }

        var sampled = RunSelection.PerFamily(runs, MatGanFamilies.Gans, r => r.Generated is not null);
        var series = sampled
            .Select(r => (Run: r, Lithium: r.Generated!.Compositions.Distinct().Where(c => c.Elements.Any(e => e.Symbol == "Li")).ToArray()))
            .Where(x => x.Lithium.Length > 0)
            .Select(x => (x.Run, Values: Finite(predictor.Predict(x.Lithium))))
            .ToArray();
        if (series.Length == 0)
        {
            return new MissingFigure(id, "Fig. 4b", title, "no MatGAN run has generated lithium-containing compositions.",
                RunCommands.Produce(options.RunsFolder, "matgan-mp", conditional: false));
        }

        var chart = new HistogramChart("Predicted formation energy of generated Li compositions", new ChartAxis("predicted formation energy", "eV/atom", "G3"),
            new ChartAxis("share of compositions", "%", "P0"), series.Select(s => new ChartSeries($"{s.Run.Family} ({s.Values.Length})", s.Values)).ToArray(), bins: 30)
        {
            Normalize = true,
            Width = 720,
        };
        return new ChartFigure(id, "Fig. 4b", title, chart,
            $"Distinct generated compositions containing Li, scored by {predictor.Description} (the project's stand-in for ElemNet). Negative energies are stable with respect to the elements.")
        {
            Sources = series.Select(s => s.Run.Source).ToArray(),
        };
    }

    public static ReportFigure BandGap(IReadOnlyList<PaperRun> runs, PaperPredictor? predictor, PapersReportOptions options)
    {
        const string id = "matgan-fig6";
        const string title = "Predicted band gap: GAN-Bandgap samples vs training set vs enumeration";
        var run = RunSelection.First(runs, [MatGanFamilies.Bandgap], r => r.Generated is not null);
        if (predictor is null || run is null)
        {
            var commands = new List<string>();
            if (predictor is null)
            {
                commands.Add(PredictorCommand(options, "band_gap", PaperPredictor.BandGap));
            }

            if (run is null)
            {
                commands.AddRange(RunCommands.Produce(options.RunsFolder, MatGanFamilies.Bandgap, conditional: false));
            }

            return new MissingFigure(id, "Fig. 6", title,
                predictor is null ? $"no band-gap predictor in {options.RunsFolder}/predictors/{PaperPredictor.BandGap}." : "no matgan-bandgap run with generated samples.", commands);
        }

        var generated = CompositionMap.Sample(run.Generated!.Compositions.Distinct().ToArray(), EnumerationSamples, options.Seed);
        var training = CompositionMap.Sample(run.Training, EnumerationSamples, options.Seed + 1);
        var enumerated = EnumerationSample(options.Seed + 2);
        var series = new[] { ("GAN-Bandgap samples", generated), ("training set", training), ("enumerated ternaries", enumerated) }
            .Select(s => new ChartSeries($"{s.Item1} ({s.Item2.Count})", Finite(predictor.Predict(s.Item2))))
            .ToArray();
        var chart = new HistogramChart("Predicted band gap", new ChartAxis("predicted band gap", "eV", "G3"),
            new ChartAxis("share of compositions", "%", "P0"), series, bins: 30)
        {
            Normalize = true,
            Width = 720,
        };
        return new ChartFigure(id, "Fig. 6", title, chart,
            $"Band gaps predicted by {predictor.Description} for distinct generated compositions of the band-gap-filtered GAN, its training set, and {EnumerationSamples} compositions drawn uniformly from the enumerated ternary space (MatGAN's 85 elements, counts 1–8, seed {options.Seed + 2}). A working filter GAN shifts mass into its training range.")
        {
            Sources = [run.Source],
        };
    }

    /// <summary>Distinct reduced ternary compositions with counts 1–8 over MatGAN's 85 elements, drawn uniformly.</summary>
    internal static IReadOnlyList<Composition> EnumerationSample(int seed)
    {
        var random = new Random(seed);
        var elements = ElementSets.MatGan85;
        var seen = new HashSet<Composition>();
        var result = new List<Composition>();
        while (result.Count < EnumerationSamples)
        {
            var picked = new HashSet<int>();
            while (picked.Count < 3)
            {
                picked.Add(random.Next(elements.Count));
            }

            var composition = Composition.FromCounts(picked.Order().Select(i => (elements[i], random.Next(1, 9)))).Reduced();
            if (composition.Arity == 3 && seen.Add(composition))
            {
                result.Add(composition);
            }
        }

        return result;
    }

    private static string PredictorCommand(PapersReportOptions options, string target, string folder) =>
        $"matgen predictor train --dataset mp --target {target} --output {options.RunsFolder}/predictors/{folder}";

    private static double[] Finite(double?[] values) => values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToArray();
}
