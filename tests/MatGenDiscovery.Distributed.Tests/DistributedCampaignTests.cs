using System.Text;
using MatGenDiscovery.Distributed.Tests.Support;
using MatGenDiscovery.Storage.AzureBlob.Providers;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Distributed.Tests;

/// <summary>
/// A campaign host (<c>matgen campaign start --broker</c>) and two <c>matgen silo</c> worker processes over RabbitMQ,
/// sharing an Azurite container; each run must end exactly like the one-process run with the same config and seed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DistributedCampaignTests : IDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(3);

    private readonly ClusterFixture _cluster;
    private readonly string _container = "c" + Guid.NewGuid().ToString("N")[..20];
    private readonly List<MatgenProcess> _processes = [];

    public DistributedCampaignTests(ClusterFixture cluster)
    {
        _cluster = cluster;
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }
    }

    [Fact]
    public async Task CampaignStart_HostAndTwoWorkers_SameDigestAndCandidatesAsOneProcess()
    {
        var reference = await _cluster.ReferenceAsync();
        var (first, second) = await StartWorkersAsync();

        var host = Start("campaign", "start", "--config", _cluster.ConfigPath, "--store", "azure:", "--id", ClusterFixture.CampaignId, "--broker", _cluster.BrokerUri, "--batch-size", "40");
        var exit = await host.WaitForExitAsync(ProcessTimeout);

        exit.Should().Be(0, host.Transcript());
        (await OutcomeAsync()).Should().BeEquivalentTo(reference, options => options.WithStrictOrdering());
        BatchLines(first).Should().NotBeEmpty("competing consumers share the batches: {0}", first.Transcript());
        BatchLines(second).Should().NotBeEmpty("competing consumers share the batches: {0}", second.Transcript());
        await AssertPasswordNowhereAsync();
    }

    [Fact]
    public async Task CampaignStart_WorkerKilledMidRound_CompletesWithTheOneProcessCandidates()
    {
        var reference = await _cluster.ReferenceAsync();
        var (first, second) = await StartWorkersAsync();
        var host = Start("campaign", "start", "--config", _cluster.ConfigPath, "--store", "azure:", "--id", ClusterFixture.CampaignId, "--broker", _cluster.BrokerUri, "--batch-size", "40");

        var victim = await FirstToRunABatchAsync(first, second);
        victim.Kill();
        var survivor = victim == first ? second : first;
        var exit = await host.WaitForExitAsync(ProcessTimeout);

        exit.Should().Be(0, host.Transcript());
        (await OutcomeAsync()).Should().BeEquivalentTo(reference, options => options.WithStrictOrdering());
        BatchLines(survivor).Should().NotBeEmpty(survivor.Transcript());
    }

    [Fact]
    public async Task CampaignResume_HostKilledMidCampaign_ResumesToTheOneProcessResult()
    {
        var reference = await _cluster.ReferenceAsync();
        await StartWorkersAsync();
        // The host kills itself (SIGKILL) right after committing round 1: killing it from here when its round-1 line
        // appeared raced with rounds that run in milliseconds on a quiet machine.
        var host = Start(
            new Dictionary<string, string> { ["MATGEN_KILL_AFTER_ROUND"] = "1" },
            "campaign", "start", "--config", _cluster.ConfigPath, "--store", "azure:", "--id", ClusterFixture.CampaignId, "--broker", _cluster.BrokerUri, "--batch-size", "40", "--json");

        var killed = await host.WaitForExitAsync(ProcessTimeout);
        var interrupted = await OutcomeAsync();
        var resume = Start("campaign", "resume", ClusterFixture.CampaignId, "--store", "azure:", "--broker", _cluster.BrokerUri, "--batch-size", "40");
        var exit = await resume.WaitForExitAsync(ProcessTimeout);

        killed.Should().NotBe(0, host.Transcript());
        host.OutputLines.Should().Contain(line => line.StartsWith("{\"round\":1,", StringComparison.Ordinal));
        interrupted.RoundsCompleted.Should().Be(1, "the host was killed right after round 1");
        exit.Should().Be(0, resume.Transcript());
        (await OutcomeAsync()).Should().BeEquivalentTo(reference, options => options.WithStrictOrdering());
    }

    [Fact]
    public async Task Silo_Sigterm_StopsCleanlyWithExitCodeZero()
    {
        var (worker, _) = await StartWorkersAsync();

        worker.Terminate();
        var exit = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));

        exit.Should().Be(0, worker.Transcript());
        worker.OutputLines.Should().Contain("silo: stopping");
        worker.OutputLines.Should().Contain(line => line.StartsWith($"silo: broker amqp://{ClusterFixture.UserName}@127.0.0.1:", StringComparison.Ordinal));
        worker.ErrorLines.Should().BeEmpty();
    }

    private MatgenProcess Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    private MatgenProcess Start(Dictionary<string, string> environment, params string[] arguments)
    {
        foreach (var (key, value) in _cluster.StoreEnvironment(_container))
        {
            environment.TryAdd(key, value);
        }

        var process = MatgenProcess.Start(environment, arguments);
        _processes.Add(process);
        return process;
    }

    /// <summary>Two workers serving both roles; the broker URI comes from <c>MATGEN_BROKER</c>.</summary>
    private async Task<(MatgenProcess First, MatgenProcess Second)> StartWorkersAsync()
    {
        var environment = new Dictionary<string, string> { ["MATGEN_BROKER"] = _cluster.BrokerUri };
        var first = Start(new Dictionary<string, string>(environment), "silo", "--store", "azure:", "--roles", "generator,validator");
        var second = Start(new Dictionary<string, string>(environment), "silo", "--store", "azure:", "--roles", "generator,validator");
        await Task.WhenAll(
            first.WaitForOutputAsync(line => line.StartsWith("silo: ready", StringComparison.Ordinal), TimeSpan.FromMinutes(1)),
            second.WaitForOutputAsync(line => line.StartsWith("silo: ready", StringComparison.Ordinal), TimeSpan.FromMinutes(1)));
        return (first, second);
    }

    private static async Task<MatgenProcess> FirstToRunABatchAsync(MatgenProcess first, MatgenProcess second)
    {
        var deadline = DateTime.UtcNow + ProcessTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (BatchLines(first).Count > 0)
            {
                return first;
            }

            if (BatchLines(second).Count > 0)
            {
                return second;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no worker ran a batch within {ProcessTimeout.TotalSeconds:0} s. {first.Transcript()} {second.Transcript()}");
    }

    private static List<string> BatchLines(MatgenProcess worker) =>
        worker.OutputLines.Where(line => line.StartsWith("silo: batch", StringComparison.Ordinal)).ToList();

    private AzureBlobStore Blobs() => new(new AzureBlobStoreOptions { ConnectionString = _cluster.AzureConnectionString, ContainerName = _container });

    private Task<CampaignOutcome> OutcomeAsync() => CampaignFiles.ReadAsync(Blobs(), ClusterFixture.CampaignId);

    /// <summary>The broker password appears in no stored blob (config, state, candidates) and in no process output.</summary>
    private async Task AssertPasswordNowhereAsync()
    {
        var blobs = Blobs();
        var password = Encoding.UTF8.GetBytes(_cluster.Password);
        var items = await blobs.ListAsync("");
        items.Should().NotBeEmpty();
        foreach (var item in items)
        {
            var blob = await blobs.GetAsync(item.Path);
            blob!.Content.Span.IndexOf(password).Should().Be(-1, $"blob '{item.Path}' must not contain the broker password");
        }

        foreach (var process in _processes)
        {
            process.Transcript().Should().NotContain(_cluster.Password);
        }
    }
}
