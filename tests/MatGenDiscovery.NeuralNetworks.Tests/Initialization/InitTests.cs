using MatGenDiscovery.NeuralNetworks.Initialization;

namespace MatGenDiscovery.NeuralNetworks.Tests.Initialization;

public class InitTests
{
    private static (double Mean, double Std) Moments(Tensor t)
    {
        var values = t.ToArray().Select(v => (double)v).ToArray();
        var mean = values.Average();
        return (mean, Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average()));
    }

    [Fact]
    public void Normal_LargeTensor_HasRequestedMeanAndStd()
    {
        var (mean, std) = Moments(Init.Normal(Tensor.Zeros(200, 100), new Random(1), 0.02f, 0.5f));

        mean.Should().BeApproximately(0.5, 0.001);
        std.Should().BeApproximately(0.02, 0.0005);
    }

    [Fact]
    public void XavierUniform_HasBoundFromFans()
    {
        var t = Init.XavierUniform(Tensor.Zeros(300, 200), new Random(2));
        var bound = Math.Sqrt(6.0 / 500);

        t.ToArray().Should().OnlyContain(v => Math.Abs(v) <= bound);
        Moments(t).Std.Should().BeApproximately(bound / Math.Sqrt(3), 0.002);
    }

    [Fact]
    public void XavierNormal_HasStdFromFans()
    {
        Moments(Init.XavierNormal(Tensor.Zeros(300, 200), new Random(3), gain: 2f)).Std
            .Should().BeApproximately(2 * Math.Sqrt(2.0 / 500), 0.002);
    }

    [Fact]
    public void KaimingNormal_ConvWeight_UsesFanInTimesReceptiveField()
    {
        var t = Init.KaimingNormal(Tensor.Zeros(64, 32, 3, 3), new Random(4));

        Moments(t).Std.Should().BeApproximately(Math.Sqrt(2.0 / (32 * 9)), 0.002);
        Init.Fans(t).Should().Be((288, 576));
    }

    [Fact]
    public void KaimingUniform_WithSqrtFive_IsPyTorchDefaultBound()
    {
        var t = Init.KaimingUniform(Tensor.Zeros(100, 400), new Random(5), MathF.Sqrt(5f), FanMode.FanIn);

        t.ToArray().Should().OnlyContain(v => Math.Abs(v) <= 0.05f + 1e-7f);
        t.ToArray().Max().Should().BeGreaterThan(0.049f);
    }

    [Fact]
    public void ZerosAndOnes_FillTheTensor()
    {
        Init.Zeros(Tensor.Ones(3)).ToArray().Should().Equal(0f, 0f, 0f);
        Init.Ones(Tensor.Zeros(2)).ToArray().Should().Equal(1f, 1f);
    }

    [Fact]
    public void Initialisers_SameSeedSameBits_DifferentSeedDifferentValues()
    {
        int[] Bits(int seed) => Init.KaimingNormal(Tensor.Zeros(16, 16), new Random(seed)).ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();

        Bits(9).Should().Equal(Bits(9));
        Bits(9).Should().NotEqual(Bits(10));
    }

    [Fact]
    public void Fans_RankOne_Throws()
    {
        var act = () => Init.XavierUniform(Tensor.Zeros(5), new Random(1));

        act.Should().Throw<ArgumentException>().WithMessage("*rank >= 2*[5]*");
    }
}
