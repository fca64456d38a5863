using MatGenDiscovery.Grains.Storage;
using MatGenDiscovery.Runtime;
using MatGenDiscovery.Runtime.Storage;
using MatGenDiscovery.Storage.Providers;

namespace MatGenDiscovery.Grains.Tests.Storage;

public sealed class BlobGrainStorageTests
{
    private sealed class Counter
    {
        public int Value { get; set; }
    }

    [Fact]
    public async Task WriteStateAsync_FirstWrite_StoresJsonAtGrainPathWithBlobETag()
    {
        var blobs = new InMemoryBlobStore();
        var storage = new BlobGrainStorage(blobs);
        var state = new GrainState<Counter>(new Counter { Value = 3 });

        await storage.WriteStateAsync("x", new GrainId("campaign", "c1"), state);

        var blob = await blobs.GetAsync("grains/campaign/c1.json");
        blob.Should().NotBeNull();
        state.ETag.Should().Be(blob!.Properties.ETag);
        state.RecordExists.Should().BeTrue();
        System.Text.Encoding.UTF8.GetString(blob.Content.Span).Should().Contain("\"value\": 3");
    }

    [Fact]
    public async Task ReadStateAsync_AfterWrite_ReturnsStateAndETag()
    {
        var storage = new BlobGrainStorage(new InMemoryBlobStore());
        var id = new GrainId("candidatefamily", "c1/Fe-Li-O");
        await storage.WriteStateAsync("x", id, new GrainState<Counter>(new Counter { Value = 5 }));
        var read = new GrainState<Counter>(new Counter());

        await storage.ReadStateAsync("x", id, read);

        read.State.Value.Should().Be(5);
        read.RecordExists.Should().BeTrue();
        read.ETag.Should().NotBeNull();
    }

    [Fact]
    public async Task WriteStateAsync_StaleETag_ThrowsInconsistentStateAndKeepsStoredState()
    {
        var storage = new BlobGrainStorage(new InMemoryBlobStore());
        var id = new GrainId("campaign", "c1");
        var first = new GrainState<Counter>(new Counter { Value = 1 });
        await storage.WriteStateAsync("x", id, first);
        var second = new GrainState<Counter>(new Counter());
        await storage.ReadStateAsync("x", id, second);
        second.State.Value = 2;
        await storage.WriteStateAsync("x", id, second);
        first.State.Value = 99;

        var act = () => storage.WriteStateAsync("x", id, first);

        await act.Should().ThrowAsync<InconsistentStateException>();
        var check = new GrainState<Counter>(new Counter());
        await storage.ReadStateAsync("x", id, check);
        check.State.Value.Should().Be(2);
    }

    [Fact]
    public async Task WriteStateAsync_NoETagButRecordExists_Throws()
    {
        var storage = new BlobGrainStorage(new InMemoryBlobStore());
        var id = new GrainId("campaign", "c1");
        await storage.WriteStateAsync("x", id, new GrainState<Counter>(new Counter()));

        var act = () => storage.WriteStateAsync("x", id, new GrainState<Counter>(new Counter()));

        await act.Should().ThrowAsync<InconsistentStateException>();
    }

    [Fact]
    public async Task ClearStateAsync_CurrentETag_DeletesBlob()
    {
        var blobs = new InMemoryBlobStore();
        var storage = new BlobGrainStorage(blobs);
        var id = new GrainId("campaign", "c1");
        var state = new GrainState<Counter>(new Counter());
        await storage.WriteStateAsync("x", id, state);

        await storage.ClearStateAsync("x", id, state);

        (await blobs.ExistsAsync("grains/campaign/c1.json")).Should().BeFalse();
        state.RecordExists.Should().BeFalse();
    }
}
