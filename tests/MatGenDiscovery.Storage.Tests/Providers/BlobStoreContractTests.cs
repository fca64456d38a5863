using System.Text;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Storage.Tests.Providers;

/// <summary>Behaviour every <see cref="IBlobStore"/> provider must share; each provider's test class derives from this.</summary>
public abstract class BlobStoreContractTests
{
    protected abstract IBlobStore CreateStore();

    /// <summary>Checks an ETag returned for <paramref name="content"/>; the built-in providers use <see cref="BlobETag"/> content hashes, others override.</summary>
    protected virtual void ETagShouldIdentify(string etag, byte[] content) => etag.Should().Be(BlobETag.Compute(content));

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull()
    {
        var store = CreateStore();

        (await store.GetAsync("grains/campaign/none.json")).Should().BeNull();
        (await store.ExistsAsync("grains/campaign/none.json")).Should().BeFalse();
    }

    [Fact]
    public async Task PutAsync_ThenGet_RoundTripsContentAndProperties()
    {
        var store = CreateStore();
        var content = Encoding.UTF8.GetBytes("{\"round\":3}");
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);

        var etag = await store.PutAsync("grains/campaign/abc123.json", content);
        var download = await store.GetAsync("grains/campaign/abc123.json");

        download.Should().NotBeNull();
        download!.Content.ToArray().Should().Equal(content);
        download.Properties.ETag.Should().Be(etag);
        ETagShouldIdentify(etag, content);
        download.Properties.Length.Should().Be(content.Length);
        download.Properties.LastModified.Should().BeAfter(before).And.BeBefore(DateTimeOffset.UtcNow.AddSeconds(2));
        (await store.ExistsAsync("grains/campaign/abc123.json")).Should().BeTrue();
    }

    [Fact]
    public async Task PutAsync_Stream_StoresWholeStreamWithSameETagAsBytes()
    {
        var store = CreateStore();
        var content = new byte[200_000];
        new Random(3).NextBytes(content);

        var etag = await store.PutAsync("checkpoints/matgan/100.safetensors", new MemoryStream(content));

        ETagShouldIdentify(etag, content);
        var download = (await store.GetAsync("checkpoints/matgan/100.safetensors"))!;
        download.Content.ToArray().Should().Equal(content);
        download.Properties.ETag.Should().Be(etag);
    }

    [Fact]
    public async Task PutAsync_EmptyContent_Allowed()
    {
        var store = CreateStore();

        await store.PutAsync("a/empty", ReadOnlyMemory<byte>.Empty);

        (await store.GetAsync("a/empty"))!.Properties.Length.Should().Be(0);
    }

    [Fact]
    public async Task PutAsync_IfNotExistsOnExisting_ThrowsAndKeepsContent()
    {
        var store = CreateStore();
        var etag = await store.PutAsync("experiments/c1.json", "first"u8.ToArray(), BlobCondition.IfNotExists);

        var act = () => store.PutAsync("experiments/c1.json", "second"u8.ToArray(), BlobCondition.IfNotExists);

        (await act.Should().ThrowAsync<BlobConditionFailedException>()).Which.CurrentETag.Should().Be(etag);
        (await store.GetAsync("experiments/c1.json"))!.Content.ToArray().Should().Equal("first"u8.ToArray());
    }

    [Fact]
    public async Task PutAsync_IfMatchCurrent_Succeeds()
    {
        var store = CreateStore();
        var first = await store.PutAsync("s", "1"u8.ToArray());

        var second = await store.PutAsync("s", "2"u8.ToArray(), BlobCondition.IfMatch(first));

        second.Should().NotBe(first);
        (await store.GetAsync("s"))!.Properties.ETag.Should().Be(second);
    }

    [Fact]
    public async Task PutAsync_IfMatchStale_ThrowsAndKeepsNewerContent()
    {
        var store = CreateStore();
        var stale = await store.PutAsync("s", "1"u8.ToArray());
        await store.PutAsync("s", "2"u8.ToArray(), BlobCondition.IfMatch(stale));

        var act = () => store.PutAsync("s", "3"u8.ToArray(), BlobCondition.IfMatch(stale));

        await act.Should().ThrowAsync<BlobConditionFailedException>();
        (await store.GetAsync("s"))!.Content.ToArray().Should().Equal("2"u8.ToArray());
    }

    [Fact]
    public async Task PutAsync_IfMatchOnMissing_Throws()
    {
        var store = CreateStore();

        var act = () => store.PutAsync("s", "1"u8.ToArray(), BlobCondition.IfMatch(BlobETag.Compute("0"u8)));

        (await act.Should().ThrowAsync<BlobConditionFailedException>()).Which.CurrentETag.Should().BeNull();
        (await store.ExistsAsync("s")).Should().BeFalse();
    }

    [Fact]
    public async Task DeleteAsync_ExistingAndMissing_ReportsWhetherDeleted()
    {
        var store = CreateStore();
        await store.PutAsync("d/x", "1"u8.ToArray());

        (await store.DeleteAsync("d/x")).Should().BeTrue();
        (await store.DeleteAsync("d/x")).Should().BeFalse();
        (await store.DeleteAsync("never/was")).Should().BeFalse();
        (await store.ExistsAsync("d/x")).Should().BeFalse();
    }

    [Fact]
    public async Task DeleteAsync_IfMatchStale_ThrowsAndKeepsBlob()
    {
        var store = CreateStore();
        var stale = await store.PutAsync("d/x", "1"u8.ToArray());
        var current = await store.PutAsync("d/x", "2"u8.ToArray());

        var act = () => store.DeleteAsync("d/x", BlobCondition.IfMatch(stale));

        await act.Should().ThrowAsync<BlobConditionFailedException>();
        (await store.DeleteAsync("d/x", BlobCondition.IfMatch(current))).Should().BeTrue();
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsMatchingBlobsSortedWithLengths()
    {
        var store = CreateStore();
        await store.PutAsync("candidates/c1/0002.csv.gz", new byte[2]);
        await store.PutAsync("candidates/c1/0001.csv.gz", new byte[1]);
        await store.PutAsync("candidates/c10/0001.csv.gz", new byte[3]);
        await store.PutAsync("grains/campaign/c1.json", new byte[4]);

        var folder = await store.ListAsync("candidates/c1/");
        var partial = await store.ListAsync("candidates/c1");
        var all = await store.ListAsync("");

        folder.Select(b => (b.Path, b.Length)).Should().Equal(("candidates/c1/0001.csv.gz", 1L), ("candidates/c1/0002.csv.gz", 2L));
        partial.Select(b => b.Path).Should().Equal("candidates/c1/0001.csv.gz", "candidates/c1/0002.csv.gz", "candidates/c10/0001.csv.gz");
        all.Should().HaveCount(4);
        (await store.ListAsync("nothing/")).Should().BeEmpty();
    }

    [Fact]
    public async Task Methods_InvalidPath_ThrowInvalidBlobPathException()
    {
        var store = CreateStore();

        await FluentActions.Awaiting(() => store.GetAsync("../escape")).Should().ThrowAsync<InvalidBlobPathException>();
        await FluentActions.Awaiting(() => store.PutAsync("/abs", new byte[1])).Should().ThrowAsync<InvalidBlobPathException>();
        await FluentActions.Awaiting(() => store.DeleteAsync("a//b")).Should().ThrowAsync<InvalidBlobPathException>();
        await FluentActions.Awaiting(() => store.ExistsAsync("")).Should().ThrowAsync<InvalidBlobPathException>();
        await FluentActions.Awaiting(() => store.ListAsync("../")).Should().ThrowAsync<InvalidBlobPathException>();
    }

    [Fact]
    public async Task GetAsync_ReturnedContent_IsIsolatedFromStore()
    {
        var store = CreateStore();
        var content = new byte[] { 1, 2, 3 };
        await store.PutAsync("iso", content);
        content[0] = 9;

        var download = await store.GetAsync("iso");

        download!.Content.ToArray().Should().Equal(1, 2, 3);
    }
}
