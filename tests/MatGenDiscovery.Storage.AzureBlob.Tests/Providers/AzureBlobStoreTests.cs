using System.Diagnostics;
using MatGenDiscovery.Storage.AzureBlob.Providers;
using MatGenDiscovery.Storage.AzureBlob.Tests.Support;
using MatGenDiscovery.Storage.Blobs;
using MatGenDiscovery.Storage.Tests.Providers;

namespace MatGenDiscovery.Storage.AzureBlob.Tests.Providers;

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStoreTests : BlobStoreContractTests
{
    private readonly AzuriteFixture _azurite;
    private readonly string _container = "t" + Guid.NewGuid().ToString("N");

    public AzureBlobStoreTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    protected override IBlobStore CreateStore() => new AzureBlobStore(Options());

    protected override void ETagShouldIdentify(string etag, byte[] content) => etag.Should().MatchRegex("^\"0x[0-9A-F]+\"$");

    [Fact]
    public async Task PutAsync_StagedBlocks_RoundTripsAndIsConditional()
    {
        var store = new AzureBlobStore(Options() with { SingleUploadLimitBytes = 64 * 1024, BlockSizeBytes = 64 * 1024 });
        var content = new byte[300_000];
        new Random(5).NextBytes(content);

        var etag = await store.PutAsync("checkpoints/g/00000001.safetensors", new MemoryStream(content), BlobCondition.IfNotExists);
        var again = () => store.PutAsync("checkpoints/g/00000001.safetensors", new MemoryStream(content), BlobCondition.IfNotExists);

        (await again.Should().ThrowAsync<BlobConditionFailedException>()).Which.CurrentETag.Should().Be(etag);
        var download = (await store.GetAsync("checkpoints/g/00000001.safetensors"))!;
        download.Content.ToArray().Should().Equal(content);
        download.Properties.ETag.Should().Be(etag);
    }

    [Fact]
    public async Task PutAsync_TwoInstancesRacingConditionalIncrements_LoseNoUpdate()
    {
        const int TasksPerStore = 2;
        const int IncrementsPerTask = 10;
        var first = CreateStore();
        var second = CreateStore();
        await first.PutAsync("grains/counter/c.json", "0"u8.ToArray());

        var workers = new[] { first, second }
            .SelectMany(store => Enumerable.Range(0, TasksPerStore).Select(_ => Task.Run(() => CounterWorkload.IncrementAsync(store, "grains/counter/c.json", IncrementsPerTask))))
            .ToArray();
        await Task.WhenAll(workers);

        (await CounterWorkload.ReadAsync(second, "grains/counter/c.json")).Should().Be(2 * TasksPerStore * IncrementsPerTask);
    }

    [Fact]
    public async Task ListAsync_ContainerNotCreatedYet_ReturnsEmpty()
    {
        var store = CreateStore();

        (await store.ListAsync("")).Should().BeEmpty();
        (await store.DeleteAsync("a/b")).Should().BeFalse();
    }

    [Fact]
    public async Task PutAsync_ServerDownForTenSecondsMidUpload_RetriesThenCommitsWholeBlob()
    {
        const int Length = 1024 * 1024;
        var options = Options() with { SingleUploadLimitBytes = 64 * 1024, BlockSizeBytes = 64 * 1024, RetryDelay = TimeSpan.FromMilliseconds(500), MaxRetryDelay = TimeSpan.FromSeconds(4), MaxRetries = 10 };
        var writer = new AzureBlobStore(options);
        var reader = new AzureBlobStore(options with { MaxRetries = 0 });
        await writer.PutAsync("checkpoints/g/latest.safetensors", Filled(1, Length));
        Task? restart = null;
        var outage = Stopwatch.StartNew();
        var content = new CallbackStream(Filled(2, Length), triggerAtByte: 4 * 64 * 1024, () =>
        {
            _azurite.Stop();
            outage.Restart();
            restart = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10));
                _azurite.Start();
            });
        });

        var upload = writer.PutAsync("checkpoints/g/latest.safetensors", content);
        while (restart is null && !upload.IsCompleted)
        {
            await Task.Delay(20);
        }

        await restart!.WaitAsync(TimeSpan.FromMinutes(2));
        var reads = 0;
        while (!upload.IsCompleted && reads < 1000)
        {
            BlobShouldBeWhole((await reader.GetAsync("checkpoints/g/latest.safetensors"))!, Length);
            reads++;
        }

        var etag = await upload.WaitAsync(TimeSpan.FromMinutes(1));
        outage.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(9.5), "the upload can only finish after the server is back");
        var final = (await reader.GetAsync("checkpoints/g/latest.safetensors"))!;
        BlobShouldBeWhole(final, Length);
        final.Content.Span[0].Should().Be(2);
        final.Properties.ETag.Should().Be(etag);
    }

    [Fact]
    public void Constructor_InvalidContainerName_ThrowsNamingIt()
    {
        var act = () => new AzureBlobStore(Options() with { ContainerName = "Bad_Name" });

        act.Should().Throw<ArgumentException>().WithMessage("*'Bad_Name'*");
    }

    [Fact]
    public void OptionsToString_HidesConnectionString()
    {
        var text = Options().ToString();

        text.Should().NotContain("AccountKey").And.NotContain("Eby8").And.Contain("<redacted>").And.Contain(_container);
    }

    private AzureBlobStoreOptions Options() => new() { ConnectionString = _azurite.ConnectionString, ContainerName = _container };

    private static void BlobShouldBeWhole(BlobDownload blob, int length)
    {
        var span = blob.Content.Span;
        span.Length.Should().Be(length);
        span.IndexOfAnyExcept(span[0]).Should().Be(-1, "a blob is written whole or not at all");
    }

    private static byte[] Filled(byte value, int length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }
}
