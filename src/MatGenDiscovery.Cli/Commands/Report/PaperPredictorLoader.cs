using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Papers;
using MatGenDiscovery.Models.Predictors;
using MatGenDiscovery.Models.Predictors.Storage;

namespace MatGenDiscovery.Cli.Commands.Report;

/// <summary>
/// Loads the predictors the report scores with from <c>RUNS/predictors/&lt;property&gt;/</c> (folders written by
/// <c>matgen predictor train --output</c>); a property without a folder is simply absent.
/// </summary>
internal static class PaperPredictorLoader
{
    public const string Folder = "predictors";

    public static IReadOnlyList<PaperPredictor> Load(string runsFolder)
    {
        var predictors = new List<PaperPredictor>();
        foreach (var property in new[] { PaperPredictor.FormationEnergy, PaperPredictor.BandGap })
        {
            var folder = Path.Combine(runsFolder, Folder, property);
            if (!File.Exists(Path.Combine(folder, "model.json")))
            {
                continue;
            }

            var (predictor, _) = PredictorStore.Load(folder);
            predictors.Add(new PaperPredictor(property, $"the {predictor.Name} predictor in {folder}", compositions => Predict(predictor, compositions)));
        }

        return predictors;
    }

    private static double?[] Predict(IPropertyPredictor predictor, IReadOnlyList<Composition> compositions)
    {
        var supported = compositions.Select((c, i) => (c, i)).Where(x => predictor.Unsupported(x.c) is null).ToArray();
        var batch = predictor.Predict(supported.Select(x => x.c).ToArray());
        var result = new double?[compositions.Count];
        for (var k = 0; k < supported.Length; k++)
        {
            result[supported[k].i] = batch.Mean[k];
        }

        return result;
    }
}
