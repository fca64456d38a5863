namespace MatGenDiscovery.LoadBenchmark.Tests;

public sealed class LatencyRecorderTests
{
    [Theory]
    [InlineData(50, 50)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(0.5, 1)]
    public void Percentile_OneToHundredMilliseconds_IsNearestRank(double percent, double expected)
    {
        var recorder = new LatencyRecorder();
        foreach (var ms in Enumerable.Range(1, 100).Reverse())
        {
            recorder.Add(TimeSpan.FromMilliseconds(ms));
        }

        recorder.Percentile(percent).Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void Percentile_NothingRecorded_Throws()
    {
        var act = () => new LatencyRecorder().Percentile(50);

        act.Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100.5)]
    public void Percentile_OutOfRange_Throws(double percent)
    {
        var recorder = new LatencyRecorder();
        recorder.Add(TimeSpan.FromMilliseconds(1));

        var act = () => recorder.Percentile(percent);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
