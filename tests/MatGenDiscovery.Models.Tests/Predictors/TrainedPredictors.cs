using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Predictors;
using MatGenDiscovery.Models.Predictors.Gbdt;
using MatGenDiscovery.Models.Predictors.GradientBoosting;
using MatGenDiscovery.Models.Predictors.Mlp;

namespace MatGenDiscovery.Models.Tests.Predictors;

/// <summary>Small seeded predictors trained once per test run on <see cref="SyntheticCompositions"/>.</summary>
internal static class TrainedPredictors
{
    public static readonly GradientBoostingOptions SmallOptions = new()
    {
        NumTrees = 30,
        LearningRate = 0.2,
        MaxLeaves = 15,
        MinSamplesLeaf = 5,
        ColumnSubsample = 0.5,
    };

    private static readonly Lazy<GbdtPredictor> LazyGbdt = new(() => TrainGbdt(3));
    private static readonly Lazy<MlpPredictor> LazyMlp = new(TrainMlp);

    public static Composition[] Train { get; } = SyntheticCompositions.Random(600, seed: 1);

    public static Composition[] Test { get; } = SyntheticCompositions.Random(100, seed: 2);

    public static GbdtPredictor Gbdt => LazyGbdt.Value;

    public static MlpPredictor Mlp => LazyMlp.Value;

    public static GbdtPredictor TrainGbdt(int members)
    {
        var x = GbdtFeatureSet.Magpie.Featurize(Train);
        var y = Train.Select(SyntheticCompositions.Property).ToArray();
        var trained = new GbdtEnsembleTrainer(SmallOptions, members).Train(x, y, [], [], seed: 5);
        return new GbdtPredictor("property", trained, new PredictorCalibration { SigmaScale = 1.25 });
    }

    private static MlpPredictor TrainMlp()
    {
        var encoder = ElementFractionEncoder.FromCompositions(Train);
        var y = Train.Select(c => (float)SyntheticCompositions.Property(c)).ToArray();
        var mean = y.Average();
        var options = new MlpOptions { HiddenSizes = [32, 16], MaxEpochs = 15, BatchSize = 32, LearningRate = 3e-3f };
        var members = Enumerable.Range(0, 2)
            .Select(k => (NeuralNetworks.Modules.Module)new MlpTrainer(options).Train(
                encoder.Encode(Train), [.. y.Select(v => v - mean)], [], [], encoder.Count, seed: 10 + k))
            .ToList();
        return new MlpPredictor("property", new MlpInputEncoder(encoder), members, mean, 1.0, PredictorCalibration.None, options);
    }
}
