using MatGenDiscovery.Runtime.Storage;
using MatGenDiscovery.Runtime.Tests.TestGrains;

namespace MatGenDiscovery.Runtime.Tests.Storage;

public class InMemoryGrainStorageTests
{
    private static readonly GrainId Id = new("counter", "k");

    [Fact]
    public async Task ReadStateAsync_Missing_ClearsETagAndKeepsState()
    {
        var storage = new InMemoryGrainStorage();
        var state = new GrainState<CounterState>(new CounterState { Value = 7 }) { ETag = "old", RecordExists = true };

        await storage.ReadStateAsync("s", Id, state);

        state.ETag.Should().BeNull();
        state.RecordExists.Should().BeFalse();
        state.State.Value.Should().Be(7);
    }

    [Fact]
    public async Task WriteStateAsync_ThenRead_ReturnsIndependentCopyAndNewETag()
    {
        var storage = new InMemoryGrainStorage();
        var written = new GrainState<CounterState>(new CounterState { Value = 5 });

        await storage.WriteStateAsync("s", Id, written);
        written.State.Value = 99;
        var read = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("s", Id, read);

        read.State.Value.Should().Be(5, "storage keeps a snapshot, not the grain's object");
        read.ETag.Should().Be(written.ETag).And.NotBeNull();
        read.RecordExists.Should().BeTrue();
    }

    [Fact]
    public async Task WriteStateAsync_EveryWrite_GetsNewETagEvenForSameContent()
    {
        var storage = new InMemoryGrainStorage();
        var state = new GrainState<CounterState>(new CounterState());

        await storage.WriteStateAsync("s", Id, state);
        var first = state.ETag;
        await storage.WriteStateAsync("s", Id, state);

        state.ETag.Should().NotBe(first);
    }

    [Fact]
    public async Task WriteStateAsync_StaleETag_ThrowsAndKeepsStoredVersion()
    {
        var storage = new InMemoryGrainStorage();
        var a = new GrainState<CounterState>(new CounterState { Value = 1 });
        await storage.WriteStateAsync("s", Id, a);
        var b = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("s", Id, b);
        b.State.Value = 2;
        await storage.WriteStateAsync("s", Id, b);

        a.State.Value = 3;
        var act = () => storage.WriteStateAsync("s", Id, a);

        (await act.Should().ThrowAsync<InconsistentStateException>()).Which.StoredETag.Should().Be(b.ETag);
        var check = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("s", Id, check);
        check.State.Value.Should().Be(2);
    }

    [Fact]
    public async Task ClearStateAsync_StaleETag_Throws()
    {
        var storage = new InMemoryGrainStorage();
        var a = new GrainState<CounterState>(new CounterState());
        await storage.WriteStateAsync("s", Id, a);
        var stale = a.ETag;
        await storage.WriteStateAsync("s", Id, a);

        var act = () => storage.ClearStateAsync("s", Id, new GrainState<CounterState>(new CounterState()) { ETag = stale });

        await act.Should().ThrowAsync<InconsistentStateException>();
        storage.Count.Should().Be(1);
    }

    [Fact]
    public async Task Records_DifferentStateNamesOrKeys_AreSeparate()
    {
        var storage = new InMemoryGrainStorage();

        await storage.WriteStateAsync("s", Id, new GrainState<CounterState>(new CounterState { Value = 1 }));
        await storage.WriteStateAsync("t", Id, new GrainState<CounterState>(new CounterState { Value = 2 }));
        await storage.WriteStateAsync("s", new GrainId("counter", "other"), new GrainState<CounterState>(new CounterState { Value = 3 }));

        storage.Count.Should().Be(3);
    }
}
