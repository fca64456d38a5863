using MatGenDiscovery.Storage.Blobs;
using MatGenDiscovery.Storage.Providers;

namespace MatGenDiscovery.Storage.Tests.Providers;

public class InMemoryBlobStoreTests : BlobStoreContractTests
{
    protected override IBlobStore CreateStore() => new InMemoryBlobStore();

    [Fact]
    public async Task PutAsync_ConcurrentConditionalIncrements_LoseNoUpdate()
    {
        var store = new InMemoryBlobStore();
        await store.PutAsync("counter", "0"u8.ToArray());

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => CounterWorkload.IncrementAsync(store, "counter", 50))));

        (await CounterWorkload.ReadAsync(store, "counter")).Should().Be(200);
    }
}
