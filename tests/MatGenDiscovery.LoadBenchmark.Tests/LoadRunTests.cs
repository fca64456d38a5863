using System.Text.Json;
using MatGenDiscovery.Runtime.Broker.Tests.Support;

namespace MatGenDiscovery.LoadBenchmark.Tests;

/// <summary>The load benchmark at CI size: 20,000 candidates through two 'matgen silo' worker processes over a private RabbitMQ node.</summary>
public sealed class LoadRunTests : IClassFixture<RabbitMqFixture>
{
    private readonly RabbitMqFixture _rabbit;

    public LoadRunTests(RabbitMqFixture rabbit)
    {
        _rabbit = rabbit;
    }

    [Fact]
    public async Task RunAsync_TwentyThousandCandidatesTwoWorkersWithResentRequests_NoCandidateLostOrDoubleCounted()
    {
        var options = _rabbit.Options;
        var uri = $"amqp://{options.UserName}:{Uri.EscapeDataString(options.Password)}@127.0.0.1:{options.Port}/{options.VirtualHost}";
        var settings = new LoadSettings(20_000, BatchSize: 1_000, Workers: 2, InFlight: 3, Prefetch: 1, Seed: 7, DuplicateEvery: 4, DataFolder: DataFolder());
        var run = new LoadRun(settings, uri);

        var result = await run.RunAsync().WaitAsync(TimeSpan.FromMinutes(3));

        result.Generated.Should().Be(20_000);
        result.Validated.Should().BeGreaterThan(15_000).And.BeLessThanOrEqualTo(20_000);
        result.Accepted.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(result.Validated);
        result.DistinctAccepted.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(result.Accepted);
        result.FamilyCandidates.Should().Be(result.DistinctAccepted, "every accepted candidate lands in exactly one family, once, even when re-sent batches are merged twice");
        result.DuplicateRequests.Should().Be(5);
        result.ExecutedGenerateRequests.Should().Be(20, "each batch is generated once");
        result.ExecutedValidateRequests.Should().BeInRange(20, 25, "a re-sent request runs again only if it reaches the worker that has not seen its key");
        result.PeakOutstandingRequests.Should().BeInRange(1, settings.InFlight);
        result.BatchLatencyP50Ms.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(result.BatchLatencyP99Ms);
        result.WorkerPeakWorkingSetMb.Should().HaveCount(2).And.OnlyContain(mb => mb > 10 && mb < 2_000);
        run.WorkerOutput.Should().Contain(line => line.StartsWith("silo: ready"));
        run.WorkerOutput.Should().NotContain(line => line.Contains(options.Password));
        JsonSerializer.Serialize(result).Should().NotContain(options.Password);
    }

    private static string DataFolder() => Path.Combine(InfraScript.RepositoryRoot, "data");
}
