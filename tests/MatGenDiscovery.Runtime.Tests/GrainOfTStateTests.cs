using MatGenDiscovery.Runtime.Storage;
using MatGenDiscovery.Runtime.Tests.TestGrains;

namespace MatGenDiscovery.Runtime.Tests;

public class GrainOfTStateTests
{
    [Fact]
    public async Task WriteStateAsync_ThenNewSilo_ReadsStateBack()
    {
        var storage = new InMemoryGrainStorage();
        await using (var silo = TestSilo.Create(new GrainProbe(), storage))
        {
            var grain = silo.GetGrain<ICounterGrain>("k");
            await grain.IncrementAsync();
            await grain.IncrementAsync();
            await grain.SaveAsync();
            (await grain.GetETagAsync()).Should().NotBeNull();
        }

        await using var restarted = TestSilo.Create(new GrainProbe(), storage);

        (await restarted.GetGrain<ICounterGrain>("k").GetAsync()).Should().Be(2);
        (await restarted.GetGrain<ICounterGrain>("other").GetAsync()).Should().Be(0, "a grain without a record starts from new TState()");
    }

    [Fact]
    public async Task WriteStateAsync_StaleETag_ThrowsInconsistentStateException()
    {
        var storage = new InMemoryGrainStorage();
        await using var first = TestSilo.Create(new GrainProbe(), storage);
        await using var second = TestSilo.Create(new GrainProbe(), storage);
        var inFirst = first.GetGrain<ICounterGrain>("k");
        var inSecond = second.GetGrain<ICounterGrain>("k");
        await inFirst.IncrementAsync();
        await inFirst.SaveAsync();
        await inSecond.IncrementAsync();
        await inSecond.IncrementAsync();
        await inSecond.SaveAsync();

        await inFirst.IncrementAsync();
        var act = () => inFirst.SaveAsync();

        var thrown = (await act.Should().ThrowAsync<InconsistentStateException>().WithMessage("*counter/k*")).Which;
        thrown.StoredETag.Should().Be(await inSecond.GetETagAsync());
        thrown.CurrentETag.Should().Be(await inFirst.GetETagAsync());
        await inFirst.ReloadAsync();
        (await inFirst.GetAsync()).Should().Be(3, "the second silo's write (1 + 2) was not overwritten");
    }

    [Fact]
    public async Task WriteStateAsync_TwoFreshActivationsCreatingSameRecord_SecondThrows()
    {
        var storage = new InMemoryGrainStorage();
        await using var first = TestSilo.Create(new GrainProbe(), storage);
        await using var second = TestSilo.Create(new GrainProbe(), storage);
        await first.GetGrain<ICounterGrain>("k").GetAsync();
        await second.GetGrain<ICounterGrain>("k").GetAsync();

        await first.GetGrain<ICounterGrain>("k").SaveAsync();
        var act = () => second.GetGrain<ICounterGrain>("k").SaveAsync();

        (await act.Should().ThrowAsync<InconsistentStateException>()).Which.CurrentETag.Should().BeNull();
    }

    [Fact]
    public async Task ClearStateAsync_DeletesRecordAndResetsState()
    {
        var storage = new InMemoryGrainStorage();
        await using var silo = TestSilo.Create(new GrainProbe(), storage);
        var grain = silo.GetGrain<ICounterGrain>("k");
        await grain.IncrementAsync();
        await grain.SaveAsync();

        await grain.ClearAsync();

        (await grain.GetAsync()).Should().Be(0);
        (await grain.GetETagAsync()).Should().BeNull();
        storage.Count.Should().Be(0);
    }
}
