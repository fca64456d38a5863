using BenchmarkDotNet.Attributes;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Datasets.Loading;
using MatGenDiscovery.Models.Predictors;
using MatGenDiscovery.Models.Predictors.Gbdt;
using MatGenDiscovery.Models.Predictors.Training;

namespace MatGenDiscovery.Benchmarks;

/// <summary>
/// Predictor throughput including Magpie featurisation: one operation is one composition (the whole MP table,
/// ~84k compositions, per invocation). The model is a GBDT ensemble trained in setup on the MP band gaps with the
/// given preset and member count, as a discovery campaign would load it.
/// </summary>
[MemoryDiagnoser]
public class PredictionBenchmarks
{
    private const int MpRows = 84_295;

    private IPropertyPredictor _predictor = null!;
    private Composition[] _compositions = [];
    private double[] _mean = [];
    private double[] _sigma = [];

    [Params(GbdtPresets.Fast, GbdtPresets.MatGanBandGap)]
    public string Preset { get; set; } = GbdtPresets.Fast;

    [Params(1, 5)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dataset = DatasetLoader.Load(FindData(), "mp");
        _compositions = [.. dataset.Rows.Select(row => row.Composition)];
        if (_compositions.Length != MpRows)
        {
            throw new InvalidOperationException($"expected {MpRows} MP compositions for OperationsPerInvoke, loaded {_compositions.Length}");
        }

        _mean = new double[_compositions.Length];
        _sigma = new double[_compositions.Length];
        _predictor = PredictorTraining.Run(
            dataset, new PredictorTrainingRequest { Target = "band_gap", GbdtPreset = Preset, EnsembleSize = Members, Seed = 1 }).Predictor;
    }

    [Benchmark(OperationsPerInvoke = MpRows)]
    public void PredictMpTable() => _predictor.Predict(_compositions, _mean, _sigma);

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var data = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(data, "elements.csv")))
            {
                return data;
            }
        }

        throw new InvalidOperationException("the repository's data/ folder was not found above the benchmark binaries");
    }
}
