using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using MatGenDiscovery.Distributed.Tests.Support;
using MatGenDiscovery.Storage.AzureBlob.Providers;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Distributed.Tests;

/// <summary>
/// Azurite stopped for 10 s in the middle of a distributed campaign (host and two workers sharing its container) and
/// restarted on the same port and data: the SDK retries ride it out, the campaign ends exactly like the one-process
/// run, and a reader polling the container never sees a partial blob. Uses its own Azurite, the cluster's RabbitMQ.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StorageOutageTests : IDisposable
{
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(3);

    private readonly ClusterFixture _cluster;
    private readonly Dictionary<string, string> _azurite;
    private readonly string _connectionString;
    private readonly string _container = "o" + Guid.NewGuid().ToString("N")[..20];
    private readonly List<MatgenProcess> _processes = [];

    public StorageOutageTests(ClusterFixture cluster)
    {
        _cluster = cluster;
        var port = InfraScript.FreeLoopbackPort();
        _azurite = new Dictionary<string, string>
        {
            ["AZURITE_BLOB_PORT"] = port.ToString(),
            ["AZURITE_STATE_DIR"] = Path.Combine(Path.GetTempPath(), $"matgen-azurite-outage-{port}-{Guid.NewGuid():N}"),
        };
        _connectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        InfraScript.Run("infra/azurite/start.sh", _azurite, TimeSpan.FromMinutes(5));
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        InfraScript.Run("infra/azurite/stop.sh", new Dictionary<string, string>(_azurite) { ["AZURITE_DELETE_STATE"] = "1" }, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task CampaignStart_AzuriteDownForTenSecondsMidRound_RetriesAndEndsLikeTheOneProcessRun()
    {
        var reference = await _cluster.ReferenceAsync();
        var workers = await StartWorkersAsync();
        var host = Start(new(), "campaign", "start", "--config", _cluster.ConfigPath, "--store", "azure:", "--id", ClusterFixture.CampaignId, "--broker", _cluster.BrokerUri, "--batch-size", "40");
        using var stopPolling = new CancellationTokenSource();
        var poller = Task.Run(() => PollAsync(stopPolling.Token));

        await FirstBatchAsync(workers);
        host.HasExited.Should().BeFalse("the outage must begin while the campaign runs: {0}", host.Transcript());
        var outage = Stopwatch.StartNew();
        InfraScript.Run("infra/azurite/stop.sh", _azurite, TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(10));
        InfraScript.Run("infra/azurite/start.sh", _azurite, TimeSpan.FromMinutes(2));
        outage.Stop();
        var exit = await host.WaitForExitAsync(ProcessTimeout);
        stopPolling.Cancel();
        var (reads, violations) = await poller.WaitAsync(ProcessTimeout);

        outage.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(10));
        exit.Should().Be(0, host.Transcript());
        (await CampaignFiles.ReadAsync(Blobs(), ClusterFixture.CampaignId)).Should().BeEquivalentTo(reference, options => options.WithStrictOrdering());
        violations.Should().BeEmpty("no reader ever sees a partial or unreadable blob");
        reads.Should().BeGreaterThan(0);
        foreach (var process in _processes)
        {
            process.Transcript().Should().NotContain(DevelopmentAccountKey).And.NotContain(_cluster.Password);
        }
    }

    /// <summary>Reads every new or changed blob while the campaign runs: JSON must parse, gzip must decompress to its end.</summary>
    private async Task<(int Reads, List<string> Violations)> PollAsync(CancellationToken cancellationToken)
    {
        var reader = new AzureBlobStore(new AzureBlobStoreOptions { ConnectionString = _connectionString, ContainerName = _container, MaxRetries = 0 });
        var seen = new Dictionary<string, (long, DateTimeOffset)>(StringComparer.Ordinal);
        var violations = new List<string>();
        var reads = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                foreach (var item in await reader.ListAsync("", CancellationToken.None))
                {
                    if (seen.TryGetValue(item.Path, out var version) && version == (item.Length, item.LastModified))
                    {
                        continue;
                    }

                    if (await reader.GetAsync(item.Path, CancellationToken.None) is { } blob)
                    {
                        reads++;
                        seen[item.Path] = (item.Length, item.LastModified);
                        if (Problem(item.Path, blob.Content) is { } problem)
                        {
                            violations.Add($"{item.Path}: {problem}");
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or IOException or TaskCanceledException or AggregateException)
            {
                // Azurite is down; this reader does not retry.
            }

            await Task.Delay(50, CancellationToken.None);
        }

        return (reads, violations);
    }

    private static string? Problem(string path, ReadOnlyMemory<byte> content)
    {
        try
        {
            if (path.EndsWith(".json", StringComparison.Ordinal))
            {
                using var _ = JsonDocument.Parse(content);
            }
            else if (path.EndsWith(".gz", StringComparison.Ordinal))
            {
                using var gzip = new GZipStream(new MemoryStream(content.ToArray()), CompressionMode.Decompress);
                gzip.CopyTo(Stream.Null);
            }

            return null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or EndOfStreamException)
        {
            return ex.Message;
        }
    }

    private MatgenProcess Start(Dictionary<string, string> environment, params string[] arguments)
    {
        environment["MATGEN_BLOB_CONNECTION_STRING"] = _connectionString;
        environment["MATGEN_BLOB_CONTAINER"] = _container;
        var process = MatgenProcess.Start(environment, arguments);
        _processes.Add(process);
        return process;
    }

    private async Task<MatgenProcess[]> StartWorkersAsync()
    {
        var workers = Enumerable.Range(0, 2)
            .Select(_ => Start(new() { ["MATGEN_BROKER"] = _cluster.BrokerUri }, "silo", "--store", "azure:", "--roles", "generator,validator"))
            .ToArray();
        await Task.WhenAll(workers.Select(w => w.WaitForOutputAsync(line => line.StartsWith("silo: ready", StringComparison.Ordinal), TimeSpan.FromMinutes(1))));
        return workers;
    }

    private static async Task FirstBatchAsync(IReadOnlyList<MatgenProcess> workers)
    {
        var clock = Stopwatch.StartNew();
        while (!workers.Any(w => w.OutputLines.Any(line => line.StartsWith("silo: batch", StringComparison.Ordinal))))
        {
            if (clock.Elapsed > ProcessTimeout)
            {
                throw new TimeoutException($"no worker ran a batch within {ProcessTimeout.TotalSeconds:0} s: {string.Join(" ", workers.Select(w => w.Transcript()))}");
            }

            await Task.Delay(20);
        }
    }

    private AzureBlobStore Blobs() => new(new AzureBlobStoreOptions { ConnectionString = _connectionString, ContainerName = _container });
}
