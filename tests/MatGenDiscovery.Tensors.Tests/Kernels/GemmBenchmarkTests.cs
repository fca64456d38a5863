using MatGenDiscovery.Tensors.Kernels;

namespace MatGenDiscovery.Tensors.Tests.Kernels;

public class GemmBenchmarkTests
{
    [Fact]
    public void MeasureGflops_SmallSize_ReturnsPositiveFiniteRate()
    {
        double gflops = GemmBenchmark.MeasureGflops(48, TimeSpan.FromMilliseconds(20));

        gflops.Should().BePositive().And.BeLessThan(1e5);
    }

    [Fact]
    public void MeasureGflops_NonPositiveSize_Throws()
    {
        var act = () => GemmBenchmark.MeasureGflops(0, TimeSpan.FromSeconds(1));

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("size");
    }

    [Fact]
    public void MeasureGflops_ZeroDuration_Throws()
    {
        var act = () => GemmBenchmark.MeasureGflops(16, TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("minDuration");
    }
}
