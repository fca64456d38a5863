using BenchmarkDotNet.Attributes;
using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Benchmarks;

/// <summary>
/// Training and prediction of the MatGAN band-gap preset on 80,000 × 145 synthetic rows shaped like Magpie
/// features (a Friedman-style signal; every third column takes only 21 distinct values).
/// </summary>
[MemoryDiagnoser]
public class GradientBoostingBenchmarks
{
    private const int Rows = 80_000;
    private const int Columns = 145;
    private const int SingleRows = 10_000;
    private double[] _features = [];
    private double[] _targets = [];
    private GradientBoostedTrees _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _features = new double[Rows * Columns];
        _targets = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            var row = _features.AsSpan(i * Columns, Columns);
            for (var j = 0; j < Columns; j++)
            {
                row[j] = j % 3 == 0 ? Math.Round(random.NextDouble() * 20) : random.NextDouble();
            }

            _targets[i] = (10 * Math.Sin(Math.PI * row[1] * row[2])) + (20 * (row[4] - 0.5) * (row[4] - 0.5))
                + (10 * row[5]) + (5 * row[6]) + random.NextDouble();
        }

        _model = Train();
    }

    [Benchmark]
    public GradientBoostedTrees TrainMatGanBandGap() => Train();

    [Benchmark(OperationsPerInvoke = Rows)]
    public double[] PredictRows() => _model.PredictRows<double>(_features);

    [Benchmark(OperationsPerInvoke = SingleRows)]
    public double PredictRowLoop()
    {
        var sum = 0.0;
        for (var i = 0; i < SingleRows; i++)
        {
            sum += _model.PredictRow<double>(_features.AsSpan(i * Columns, Columns));
        }

        return sum;
    }

    private GradientBoostedTrees Train() =>
        new GradientBoostingTrainer(GradientBoostingOptions.MatGanBandGap).Fit<double>(_features, Columns, _targets).Model;
}
