using MatGenDiscovery.NeuralNetworks.Layers;

namespace MatGenDiscovery.NeuralNetworks.Tests.Layers;

public class BatchNormTests
{
    private static Tensor Batch() => Tensor.FromArray([1f, 2f, 3f, 6f, 5f, 10f], 3, 2);

    [Fact]
    public void Forward_Training_NormalisesWithBiasedBatchVariance()
    {
        var norm = new BatchNorm1d(2);
        new float[] { 2f, 1f }.CopyTo(norm.Weight!.AsSpan());
        new float[] { 0f, 0.5f }.CopyTo(norm.Bias!.AsSpan());

        var y = norm.Forward(Batch()).ToArray();

        double Normalised(double x, double mean, double variance) => (x - mean) / Math.Sqrt(variance + 1e-5);
        double[] expected =
        [
            2 * Normalised(1, 3, 8.0 / 3), Normalised(2, 6, 32.0 / 3) + 0.5,
            2 * Normalised(3, 3, 8.0 / 3), Normalised(6, 6, 32.0 / 3) + 0.5,
            2 * Normalised(5, 3, 8.0 / 3), Normalised(10, 6, 32.0 / 3) + 0.5,
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            ((double)y[i]).Should().BeApproximately(expected[i], 1e-5);
        }
    }

    [Fact]
    public void Forward_Training_UpdatesRunningStatsWithMomentumAndUnbiasedVariance()
    {
        var norm = new BatchNorm1d(2);

        norm.Forward(Batch());
        norm.Forward(Batch());

        // After one step: mean 0.1·[3, 6], var 0.9 + 0.1·[4, 16]; the second step applies the same rule again.
        var mean = norm.RunningMean.ToArray();
        var variance = norm.RunningVariance.ToArray();
        mean[0].Should().BeApproximately(0.57f, 1e-6f);
        mean[1].Should().BeApproximately(1.14f, 1e-6f);
        variance[0].Should().BeApproximately(1.57f, 1e-5f);
        variance[1].Should().BeApproximately(3.85f, 1e-5f);
    }

    [Fact]
    public void Forward_Eval_UsesRunningStatsAndLeavesThemUnchanged()
    {
        var norm = new BatchNorm1d(2);
        new float[] { 1f, -2f }.CopyTo(norm.RunningMean.AsSpan());
        new float[] { 4f, 0.25f }.CopyTo(norm.RunningVariance.AsSpan());
        norm.Eval();

        var y = norm.Forward(Batch()).ToArray();

        y[0].Should().BeApproximately((float)((1 - 1) / Math.Sqrt(4 + 1e-5)), 1e-6f);
        y[5].Should().BeApproximately((float)((10 + 2) / Math.Sqrt(0.25 + 1e-5)), 1e-4f);
        norm.RunningMean.ToArray().Should().Equal(1f, -2f);
    }

    [Fact]
    public void BatchNorm2d_Training_NormalisesEachChannelOverBatchAndPixels()
    {
        var norm = new BatchNorm2d(3);
        var x = Tensor.Randn(new Random(4), 4, 3, 5, 2) * 3f + 1f;

        var y = norm.Forward(x);

        var perChannel = y.Mean([0, 2, 3], keepDim: false).ToArray();
        var variance = y.Square().Mean([0, 2, 3], keepDim: false).ToArray();
        perChannel.Should().OnlyContain(m => Math.Abs(m) < 1e-5f);
        variance.Should().OnlyContain(v => Math.Abs(v - 1f) < 1e-3f);
        norm.NamedBuffers().Select(b => b.Key).Should().Equal("running_mean", "running_var");
    }

    [Fact]
    public void Forward_WrongRank_ThrowsNamingShape()
    {
        var act = () => new BatchNorm2d(3).Forward(Tensor.Zeros(4, 3));

        act.Should().Throw<ArgumentException>().WithMessage("*BatchNorm2d(3)*[4, 3]*");
    }
}
