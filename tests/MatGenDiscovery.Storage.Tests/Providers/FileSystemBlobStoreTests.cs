using MatGenDiscovery.Storage.Blobs;
using MatGenDiscovery.Storage.Providers;

namespace MatGenDiscovery.Storage.Tests.Providers;

public sealed class FileSystemBlobStoreTests : BlobStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "matgen-blobs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    protected override IBlobStore CreateStore() => new FileSystemBlobStore(_root);

    [Fact]
    public async Task PutAsync_WritesPlainFileUnderRoot()
    {
        var store = new FileSystemBlobStore(_root);

        await store.PutAsync("grains/campaign/abc123.json", "{}"u8.ToArray());

        File.ReadAllText(Path.Combine(_root, "grains", "campaign", "abc123.json")).Should().Be("{}");
    }

    [Fact]
    public async Task ListAsync_TempLockAndForeignDotFiles_AreInvisible()
    {
        var store = new FileSystemBlobStore(_root);
        await store.PutAsync("g/a.json", new byte[1]);
        await store.PutAsync("g/a.json", new byte[2], BlobCondition.IfMatch(BlobETag.Compute(new byte[1])));
        File.WriteAllText(Path.Combine(_root, "g", ".a.json.0123.tmp"), "partial");
        Directory.CreateDirectory(Path.Combine(_root, ".trash"));
        File.WriteAllText(Path.Combine(_root, ".trash", "old.json"), "x");

        var listed = await store.ListAsync("");

        Directory.GetFiles(Path.Combine(_root, "g")).Select(Path.GetFileName).Should().Contain(".a.json.lock");
        listed.Select(b => b.Path).Should().Equal("g/a.json");
    }

    [Fact]
    public async Task PutAsync_FailedCondition_LeavesNoTempFile()
    {
        var store = new FileSystemBlobStore(_root);
        await store.PutAsync("g/a.json", new byte[1]);

        var act = () => store.PutAsync("g/a.json", new byte[2], BlobCondition.IfNotExists);

        await act.Should().ThrowAsync<BlobConditionFailedException>();
        Directory.GetFiles(Path.Combine(_root, "g"), "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public async Task PutAsync_LockHeldElsewhere_TimesOutWithoutWriting()
    {
        var store = new FileSystemBlobStore(_root, lockTimeout: TimeSpan.FromMilliseconds(200));
        await store.PutAsync("g/a.json", "old"u8.ToArray());
        var act = () => store.PutAsync("g/a.json", "new"u8.ToArray());

        using (new FileStream(Path.Combine(_root, "g", ".a.json.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            (await act.Should().ThrowAsync<BlobLockTimeoutException>()).Which.Path.Should().Be("g/a.json");
        }

        (await store.GetAsync("g/a.json"))!.Content.ToArray().Should().Equal("old"u8.ToArray());
        Directory.GetFiles(Path.Combine(_root, "g"), "*.tmp").Should().BeEmpty();
        await act.Should().NotThrowAsync();
    }

    [Fact]
    public async Task GetAsync_DuringRepeatedLargeWrites_NeverSeesPartialBlob()
    {
        const int Writes = 40;
        const int Length = 512 * 1024;
        var writer = new FileSystemBlobStore(_root);
        var reader = new FileSystemBlobStore(_root);
        await writer.PutAsync("checkpoints/g/latest.safetensors", Filled(0, Length));

        var writing = Task.Run(async () =>
        {
            for (var i = 1; i <= Writes; i++)
            {
                await writer.PutAsync("checkpoints/g/latest.safetensors", Filled((byte)i, Length));
            }
        });
        var reads = 0;
        while (!writing.IsCompleted || reads == 0)
        {
            var blob = (await reader.GetAsync("checkpoints/g/latest.safetensors"))!;
            var span = blob.Content.Span;
            span.Length.Should().Be(Length);
            span.IndexOfAnyExcept(span[0]).Should().Be(-1, "a blob is written whole or not at all");
            blob.Properties.ETag.Should().Be(BlobETag.Compute(span));
            reads++;
        }

        await writing;
        reads.Should().BeGreaterThan(0);
        (await reader.GetAsync("checkpoints/g/latest.safetensors"))!.Content.Span[0].Should().Be(Writes);
    }

    [Fact]
    public async Task PutAsync_TwoInstancesRacingConditionalIncrements_LoseNoUpdate()
    {
        const int TasksPerStore = 2;
        const int IncrementsPerTask = 25;
        var first = new FileSystemBlobStore(_root);
        var second = new FileSystemBlobStore(_root);
        await first.PutAsync("grains/counter/c.json", "0"u8.ToArray());

        var workers = new[] { first, second }
            .SelectMany(store => Enumerable.Range(0, TasksPerStore).Select(_ => Task.Run(() => CounterWorkload.IncrementAsync(store, "grains/counter/c.json", IncrementsPerTask))))
            .ToArray();
        await Task.WhenAll(workers);

        (await CounterWorkload.ReadAsync(second, "grains/counter/c.json")).Should().Be(2 * TasksPerStore * IncrementsPerTask);
        Directory.GetFiles(Path.Combine(_root, "grains", "counter"), "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public void Constructor_NonPositiveLockTimeout_Throws()
    {
        var act = () => new FileSystemBlobStore(_root, TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lockTimeout");
    }

    private static byte[] Filled(byte value, int length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }
}
