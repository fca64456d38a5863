using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using MatGenDiscovery.Storage.AzureBlob.Providers;
using MatGenDiscovery.Storage.AzureBlob.Tests.Support;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Storage.AzureBlob.Tests.Providers;

/// <summary>Azurite stopped for 10 s in the middle of a sequence of writes and reads, then restarted on the same port and data.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class AzureBlobStoreOutageTests
{
    private const int Operations = 30;
    private const int OutageAfter = 8;
    private const int LargeLength = 512 * 1024;
    private const int SmallLength = 16 * 1024;
    private const string HotPath = "outage/hot.bin";
    private static readonly TimeSpan OperationLimit = TimeSpan.FromMinutes(2);

    private readonly AzuriteFixture _azurite;
    private readonly string _container = "o" + Guid.NewGuid().ToString("N");
    private readonly ConcurrentQueue<string> _log = new();

    public AzureBlobStoreOutageTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    [Fact]
    public async Task Operations_ServerDownForTenSeconds_AllCompleteIntactAndNoListingShowsPartialBlobs()
    {
        var writer = new AzureBlobStore(Options() with { OnRetry = retry => _log.Enqueue(retry.ToString()) });
        var reader = new AzureBlobStore(Options() with { MaxRetries = 0 });
        using var stopPolling = new CancellationTokenSource();
        var poller = Task.Run(() => PollAsync(reader, stopPolling.Token));
        Task? outage = null;
        var outageClock = new Stopwatch();

        for (var i = 0; i < Operations; i++)
        {
            if (i == OutageAfter)
            {
                outage = Task.Run(() =>
                {
                    _azurite.Stop();
                    outageClock.Start();
                    Thread.Sleep(TimeSpan.FromSeconds(10));
                    _azurite.Start();
                    outageClock.Stop();
                });
                await WaitUntilAsync(() => outageClock.IsRunning || outage.IsCompleted);
            }

            await WriteAsync(writer, i).WaitAsync(OperationLimit);
            if (i > 0)
            {
                BlobShouldBeWhole((await writer.GetAsync(PathOf(i - 1)).WaitAsync(OperationLimit))!, i - 1);
            }
        }

        await outage!.WaitAsync(OperationLimit);
        stopPolling.Cancel();
        var polls = await poller.WaitAsync(OperationLimit);

        outageClock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(9.5));
        _log.Should().NotBeEmpty("operations issued while the server was down are retried");
        _log.Should().OnlyContain(line => !line.Contains("AccountKey") && !line.Contains(AzuriteFixture.DevelopmentAccountKey));
        polls.Violations.Should().BeEmpty("a listing or read never shows a partial or temporary blob");
        polls.Listings.Should().BeGreaterThan(10, "listings were polled throughout the writes");
        var listed = await reader.ListAsync("outage/");
        listed.Select(item => item.Path).Should().BeEquivalentTo(Enumerable.Range(0, Operations).Select(PathOf).Append(HotPath));
        for (var i = 0; i < Operations; i++)
        {
            BlobShouldBeWhole((await reader.GetAsync(PathOf(i)))!, i);
        }

        foreach (var item in listed)
        {
            var stored = (await reader.GetAsync(item.Path))!.Content.ToArray();
            System.Text.Encoding.ASCII.GetString(stored).Should().NotContain(AzuriteFixture.DevelopmentAccountKey, "no stored blob carries the account key");
        }

        var hot = (await reader.GetAsync(HotPath))!;
        hot.Content.Length.Should().Be(LargeLength);
        hot.Content.Span.IndexOfAnyExcept(Fill(Operations - 1)).Should().Be(-1);
    }

    [Fact]
    public async Task GetAsync_ServerNeverComesBack_GivesUpAfterTheRetryBudgetAndLogsNoKey()
    {
        var port = InfraScript.FreeLoopbackPort();
        var connectionString = _azurite.ConnectionString.Replace($":{_azurite.Port}/", $":{port}/");
        var store = new AzureBlobStore(Options() with
        {
            ConnectionString = connectionString,
            RetryBudget = TimeSpan.FromSeconds(2),
            RetryDelay = TimeSpan.FromMilliseconds(100),
            MaxRetryDelay = TimeSpan.FromMilliseconds(400),
            OnRetry = retry => _log.Enqueue(retry.ToString()),
        });
        var clock = Stopwatch.StartNew();

        var act = () => store.GetAsync("a/b.json");

        await act.Should().ThrowAsync<Exception>();
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.5)).And.BeLessThan(TimeSpan.FromSeconds(30));
        _log.Count.Should().BeGreaterThan(2);
        _log.Should().OnlyContain(line => line.Contains($"127.0.0.1:{port}/devstoreaccount1/{_container}/a/b.json") && !line.Contains(AzuriteFixture.DevelopmentAccountKey));
    }

    /// <summary>Even steps: an unconditional staged (multi-block) upload; odd steps: a create-only single-request upload.</summary>
    private static async Task WriteAsync(IBlobStore store, int i)
    {
        await store.PutAsync(HotPath, new MemoryStream(Content(i, LargeLength)));
        if (i % 2 == 0)
        {
            await store.PutAsync(PathOf(i), new MemoryStream(Content(i, LargeLength)));
            return;
        }

        try
        {
            await store.PutAsync(PathOf(i), Content(i, SmallLength), BlobCondition.IfNotExists);
        }
        catch (BlobConditionFailedException)
        {
            // A first attempt that landed but whose reply was lost in the outage: identical content is success (Storage README).
            BlobShouldBeWhole((await store.GetAsync(PathOf(i)))!, i);
        }
    }

    private static async Task<(int Listings, List<string> Violations)> PollAsync(IBlobStore reader, CancellationToken cancellationToken)
    {
        var listings = 0;
        var violations = new List<string>();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                foreach (var item in await reader.ListAsync("outage/", CancellationToken.None))
                {
                    var expected = ExpectedLength(item.Path);
                    if (expected != item.Length)
                    {
                        violations.Add($"{item.Path}: listed with {item.Length} bytes, expected {expected?.ToString() ?? "no such blob"}");
                    }
                }

                listings++;
                if (await reader.GetAsync(HotPath, CancellationToken.None) is { } hot &&
                    (hot.Content.Length != LargeLength || hot.Content.Span.IndexOfAnyExcept(hot.Content.Span[0]) >= 0))
                {
                    violations.Add($"{HotPath}: read a mixed or partial blob of {hot.Content.Length} bytes");
                }
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or IOException or TaskCanceledException or AggregateException)
            {
                // The server is down: this reader does not retry.
            }

            await Task.Delay(25, CancellationToken.None);
        }

        return (listings, violations);
    }

    private static int? ExpectedLength(string path)
    {
        if (path == HotPath)
        {
            return LargeLength;
        }

        var match = BlobName().Match(path);
        return match.Success ? (int.Parse(match.Groups[1].Value) % 2 == 0 ? LargeLength : SmallLength) : null;
    }

    private static void BlobShouldBeWhole(BlobDownload blob, int i)
    {
        blob.Content.Length.Should().Be(i % 2 == 0 ? LargeLength : SmallLength);
        blob.Content.Span.IndexOfAnyExcept(Fill(i)).Should().Be(-1, "blob {0} holds exactly what was written", i);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            clock.Elapsed.Should().BeLessThan(OperationLimit, "the server should stop within the time limit");
            await Task.Delay(20);
        }
    }

    private static string PathOf(int i) => $"outage/blob-{i:D3}.bin";

    private static byte Fill(int i) => (byte)(i + 1);

    private static byte[] Content(int i, int length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, Fill(i));
        return bytes;
    }

    private AzureBlobStoreOptions Options() => new()
    {
        ConnectionString = _azurite.ConnectionString,
        ContainerName = _container,
        SingleUploadLimitBytes = 128 * 1024,
        BlockSizeBytes = 128 * 1024,
        RetryDelay = TimeSpan.FromMilliseconds(200),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        RetryBudget = TimeSpan.FromSeconds(60),
    };

    [GeneratedRegex(@"^outage/blob-(\d{3})\.bin$")]
    private static partial Regex BlobName();
}
