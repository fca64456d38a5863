using MatGenDiscovery.Models.Embedding;

namespace MatGenDiscovery.Models.Tests.Embedding;

public sealed class PerplexityCalibrationTests
{
    [Theory]
    [InlineData(5.0)]
    [InlineData(30.0)]
    [InlineData(90.0)]
    public void Calibrate_RandomDistances_HitsTheTargetEntropy(double perplexity)
    {
        var random = new Random(7);
        var distances = Enumerable.Range(0, 120).Select(_ => 50 * random.NextDouble()).ToArray();
        var probabilities = new double[distances.Length];

        var (entropy, precision) = PerplexityCalibration.Calibrate(distances, 3, perplexity, probabilities);

        entropy.Should().BeApproximately(Math.Log(perplexity), 1e-5);
        precision.Should().BePositive();
        probabilities[3].Should().Be(0);
        probabilities.Sum().Should().BeApproximately(1, 1e-12);
        var measured = -probabilities.Where(p => p > 0).Sum(p => p * Math.Log(p));
        measured.Should().BeApproximately(Math.Log(perplexity), 1e-5, "the returned entropy is that of the written distribution");
    }

    [Fact]
    public void Calibrate_CloserPoints_GetHigherProbability()
    {
        double[] distances = [0, 1, 4, 9, 16, 25, 36];
        var probabilities = new double[distances.Length];

        PerplexityCalibration.Calibrate(distances, 0, 3, probabilities);

        probabilities.Skip(1).Should().BeInDescendingOrder();
    }

    [Fact]
    public void Calibrate_PerplexityAboveNeighbourCount_Throws()
    {
        var act = () => PerplexityCalibration.Calibrate(new double[5], 0, 10, new double[5]);

        act.Should().Throw<ArgumentException>().WithMessage("perplexity 10 must lie in (1, n − 1] for n = 5 points*");
    }
}
