using MatGenDiscovery.Runtime.Broker.Transport;

namespace MatGenDiscovery.Runtime.Broker.Tests.Transport;

public sealed class IdempotencyCacheTests
{
    [Fact]
    public async Task GetOrRunAsync_SameKeyWhileRunning_RunsOnceAndSharesResult()
    {
        var cache = new IdempotencyCache<int>(4);
        var release = new TaskCompletionSource<int>();
        var runs = 0;
        var key = Guid.NewGuid();

        var first = cache.GetOrRunAsync(key, () => { runs++; return release.Task; });
        var duplicate = cache.GetOrRunAsync(key, () => { runs++; return Task.FromResult(-1); });
        release.SetResult(7);

        (await first).Should().Be(7);
        (await duplicate).Should().Be(7);
        runs.Should().Be(1);
    }

    [Fact]
    public async Task GetOrRunAsync_BeyondCapacity_ForgetsOldestKeysOnly()
    {
        var cache = new IdempotencyCache<int>(2);
        var keys = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            var value = i;
            await cache.GetOrRunAsync(keys[i], () => Task.FromResult(value));
        }

        cache.Count.Should().Be(2);
        (await cache.GetOrRunAsync(keys[2], () => Task.FromResult(99))).Should().Be(2);
        (await cache.GetOrRunAsync(keys[0], () => Task.FromResult(99))).Should().Be(99, "the oldest key was forgotten and runs again");
    }

    [Fact]
    public async Task GetOrRunAsync_FailedRun_IsNotCachedSoARetryRuns()
    {
        var cache = new IdempotencyCache<int>(4);
        var key = Guid.NewGuid();

        var failing = () => cache.GetOrRunAsync(key, () => Task.FromException<int>(new IOException("disk")));

        await failing.Should().ThrowAsync<IOException>();
        (await cache.GetOrRunAsync(key, () => Task.FromResult(3))).Should().Be(3);
    }

    [Fact]
    public void Constructor_ZeroCapacity_Throws()
    {
        var act = () => new IdempotencyCache<int>(0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
    }
}
