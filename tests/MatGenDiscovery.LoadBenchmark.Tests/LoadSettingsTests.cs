namespace MatGenDiscovery.LoadBenchmark.Tests;

public sealed class LoadSettingsTests
{
    [Theory]
    [InlineData(1_000_000, 5_000, 200)]
    [InlineData(20_001, 1_000, 21)]
    [InlineData(1, 5_000, 1)]
    public void Batches_CandidatesAndBatchSize_RoundsUp(int candidates, int batchSize, int expected)
    {
        (Settings() with { Candidates = candidates, BatchSize = batchSize }).Batches.Should().Be(expected);
    }

    [Fact]
    public void Validate_ZeroWorkers_ThrowsNamingTheOption()
    {
        var act = () => (Settings() with { Workers = 0 }).Validate();

        act.Should().Throw<ArgumentException>().WithMessage("*--workers*0*");
    }

    [Fact]
    public void Validate_MissingDataFolder_ThrowsNamingIt()
    {
        var act = () => (Settings() with { DataFolder = "/no/such/folder" }).Validate();

        act.Should().Throw<ArgumentException>().WithMessage("*--data*/no/such/folder*");
    }

    private static LoadSettings Settings() => new(100, 10, 2, 4, 1, 1, 0, Path.GetTempPath());
}
