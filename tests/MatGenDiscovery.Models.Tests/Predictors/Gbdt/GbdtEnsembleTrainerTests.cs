using MatGenDiscovery.Models.Predictors.Gbdt;
using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Tests.Predictors.Gbdt;

public sealed class GbdtEnsembleTrainerTests
{
    private const int Rows = 120;
    private static readonly GradientBoostingOptions _options = new() { NumTrees = 5, MaxLeaves = 7, MinSamplesLeaf = 5 };

    [Fact]
    public void Train_SeedStrideOne_MemberKIsBootstrapWithSeedPlusK()
    {
        var (x, y) = Matrix(seed: 1);
        var columns = GbdtFeatureSet.Magpie.Count;

        var members = new GbdtEnsembleTrainer(_options, ensembleSize: 3) { SeedStride = 1 }.Train(x, y, [], [], seed: 20);

        for (var k = 0; k < 3; k++)
        {
            var random = new Random(20 + k);
            var bx = new double[x.Length];
            var by = new double[Rows];
            for (var row = 0; row < Rows; row++)
            {
                var source = random.Next(Rows);
                x.AsSpan(source * columns, columns).CopyTo(bx.AsSpan(row * columns, columns));
                by[row] = y[source];
            }

            var expected = new GradientBoostingTrainer(_options with { Seed = 20 + k }).Fit<double>(bx, columns, by).Model;
            members[k].PredictRows<double>(x).Should().Equal(expected.PredictRows<double>(x), $"member {k}");
        }
    }

    [Fact]
    public void Train_DefaultStride_DiffersFromStrideOne()
    {
        var (x, y) = Matrix(seed: 2);

        var wide = new GbdtEnsembleTrainer(_options, ensembleSize: 2).Train(x, y, [], [], seed: 5);
        var narrow = new GbdtEnsembleTrainer(_options, ensembleSize: 2) { SeedStride = 1 }.Train(x, y, [], [], seed: 5);

        wide[0].PredictRows<double>(x).Should().Equal(narrow[0].PredictRows<double>(x), "member 0 uses the seed itself");
        wide[1].PredictRows<double>(x).Should().NotEqual(narrow[1].PredictRows<double>(x));
    }

    [Fact]
    public void Train_HuberOptions_MembersKeepHuberLoss_LogisticBecomesSquaredError()
    {
        var (x, y) = Matrix(seed: 3);

        var huber = new GbdtEnsembleTrainer(_options with { Loss = GradientBoostingLoss.Huber, HuberDelta = 0.3 }, 1).Train(x, y, [], [], seed: 1);
        var logistic = new GbdtEnsembleTrainer(_options with { Loss = GradientBoostingLoss.Logistic }, 1).Train(x, y, [], [], seed: 1);

        huber[0].Options.Loss.Should().Be(GradientBoostingLoss.Huber);
        huber[0].Options.HuberDelta.Should().Be(0.3);
        logistic[0].Options.Loss.Should().Be(GradientBoostingLoss.SquaredError);
    }

    /// <summary>Random Magpie-width rows whose target depends on the first two columns.</summary>
    private static (double[] X, double[] Y) Matrix(int seed)
    {
        var columns = GbdtFeatureSet.Magpie.Count;
        var random = new Random(seed);
        var x = new double[Rows * columns];
        var y = new double[Rows];
        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                x[(row * columns) + column] = random.NextDouble();
            }

            y[row] = (3 * x[row * columns]) - x[(row * columns) + 1] + (0.1 * random.NextDouble());
        }

        return (x, y);
    }
}
