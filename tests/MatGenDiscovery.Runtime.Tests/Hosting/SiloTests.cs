using MatGenDiscovery.Runtime.Hosting;
using MatGenDiscovery.Runtime.Storage;
using MatGenDiscovery.Runtime.Tests.TestGrains;

namespace MatGenDiscovery.Runtime.Tests.Hosting;

public class SiloTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task GetGrain_FiftyConcurrentFirstCalls_ConstructOneActivation()
    {
        var probe = new GrainProbe();
        await using var silo = TestSilo.Create(probe);

        var results = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => silo.GetGrain<ICounterGrain>("k").IncrementAsync())));

        probe.Constructed.Should().Be(1);
        probe.Activated.Should().Be(1);
        silo.ActivationCount.Should().Be(1);
        results.Should().BeEquivalentTo(Enumerable.Range(1, 50), "each increment ran exactly once, one after another");
    }

    [Fact]
    public async Task Calls_OneActivation_NeverOverlapEvenAcrossAwaits()
    {
        var probe = new GrainProbe();
        await using var silo = TestSilo.Create(probe);
        var grain = silo.GetGrain<ISlowGrain>("k");

        var seen = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => grain.WorkAsync(TimeSpan.FromMilliseconds(2)))));

        seen.Should().OnlyContain(inCall => inCall == 1);
        probe.MaxInCall.Should().Be(1);
    }

    [Fact]
    public async Task Calls_DifferentKeys_RunConcurrently()
    {
        var probe = new GrainProbe();
        await using var silo = TestSilo.Create(probe);

        var met = await Task.WhenAll(silo.GetGrain<ISlowGrain>("a").MeetAsync(), silo.GetGrain<ISlowGrain>("b").MeetAsync());

        met.Should().Equal(true, true);
    }

    [Fact]
    public async Task Calls_SameKeyWaitingForEachOther_DoNotMeet()
    {
        var probe = new GrainProbe();
        await using var silo = TestSilo.Create(probe);
        var grain = silo.GetGrain<ISlowGrain>("a");

        var first = grain.MeetAsync();
        var second = grain.MeetAsync();
        await Task.Delay(50);

        first.IsCompleted.Should().BeFalse("the first call waits for a partner");
        probe.TwoInFlight.Task.IsCompleted.Should().BeFalse("the second call of the same activation must not start");
        var other = await silo.GetGrain<ISlowGrain>("b").MeetAsync();
        (await first).Should().BeTrue();
        other.Should().BeTrue();
        await second;
    }

    [Fact]
    public async Task AlwaysInterleaveMethod_RunsWhileAnotherCallHoldsTheTurn()
    {
        await using var silo = TestSilo.Create(new GrainProbe());
        var grain = silo.GetGrain<ISlowGrain>("k");

        var work = grain.WorkAsync(TimeSpan.FromMilliseconds(300));
        var observedBusy = await TestSilo.EventuallyAsync(async () => await grain.PeekInCallAsync() == 1);

        observedBusy.Should().BeTrue();
        work.IsCompleted.Should().BeFalse();
        await work;
        (await grain.PeekInCallAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Calls_GrainThrows_ExceptionReachesCallerUnwrapped()
    {
        await using var silo = TestSilo.Create(new GrainProbe());
        var grain = silo.GetGrain<IThrowingGrain>("k");

        (await FluentActions.Awaiting(() => grain.ThrowBeforeAwaitAsync("bad seed")).Should().ThrowAsync<ArgumentException>())
            .Which.ParamName.Should().Be("message");
        await FluentActions.Awaiting(() => grain.ThrowAfterAwaitAsync("late")).Should().ThrowAsync<InvalidOperationException>().WithMessage("late");
        await FluentActions.Awaiting(async () => await grain.ThrowValueTaskAsync("vt")).Should().ThrowAsync<FormatException>().WithMessage("vt");
        (await grain.EchoValueTaskAsync("still alive")).Should().Be("still alive@k");
        await grain.NothingAsync();
    }

    [Fact]
    public async Task GetGrain_MethodNotReturningTask_ThrowsNamingTheMethod()
    {
        await using var silo = TestSilo.Create(new GrainProbe());

        FluentActions.Invoking(() => silo.GetGrain<ISynchronousGrain>("k")).Should().Throw<InvalidGrainInterfaceException>()
            .WithMessage("*NotATask*Task, Task<T>, ValueTask or ValueTask<T>*");
        FluentActions.Invoking(() => silo.GetGrain<IPropertyGrain>("k")).Should().Throw<InvalidGrainInterfaceException>()
            .WithMessage("*Value is a property*");
        FluentActions.Invoking(() => silo.GetGrain<IByRefGrain>("k")).Should().Throw<InvalidGrainInterfaceException>()
            .WithMessage("*by-ref parameter 'value'*");
    }

    [Fact]
    public async Task GetGrain_UnregisteredInterface_Throws()
    {
        await using var silo = TestSilo.Create(new GrainProbe());

        FluentActions.Invoking(() => silo.GetGrain<IUnregisteredGrain>("k")).Should().Throw<GrainTypeNotRegisteredException>()
            .WithMessage("*IUnregisteredGrain*");
    }

    [Fact]
    public async Task Calls_AcyclicChain_Complete()
    {
        await using var silo = TestSilo.Create(new GrainProbe());

        var path = await silo.GetGrain<IRelayGrain>("a").RelayAsync(["b", "c"]);

        path.Should().Be("a>b>c");
    }

    [Fact]
    public async Task Calls_CycleBackToWaitingGrain_ThrowDeadlockExceptionInsteadOfHanging()
    {
        await using var silo = TestSilo.Create(new GrainProbe());
        var a = silo.GetGrain<IRelayGrain>("a");

        var call = a.RelayAsync(["b", "a"]);
        var finished = await Task.WhenAny(call, Task.Delay(Timeout));

        finished.Should().BeSameAs(call, "a cycle must fail fast, not hang");
        (await FluentActions.Awaiting(() => call).Should().ThrowAsync<DeadlockException>())
            .Which.CallChain.Select(id => id.ToString()).Should().Equal("relay/a", "relay/b", "relay/a");
        await FluentActions.Awaiting(() => a.RelayAsync(["a"])).Should().ThrowAsync<DeadlockException>().WithMessage("*relay/a -> relay/a*");
        (await a.RelayAsync([])).Should().Be("a", "the grain keeps working after a rejected cycle");
    }

    [Fact]
    public async Task DeactivateOnIdle_NextCall_GetsNewActivationWithSavedState()
    {
        var probe = new GrainProbe();
        await using var silo = TestSilo.Create(probe);
        var grain = silo.GetGrain<ICounterGrain>("k");
        await grain.IncrementAsync();
        await grain.IncrementAsync();

        await grain.LeaveAsync();
        silo.ActivationCount.Should().Be(0);
        var value = await grain.GetAsync();

        value.Should().Be(2);
        probe.Constructed.Should().Be(2);
        probe.Deactivations.Should().ContainSingle().Which.Reason.Should().Be(DeactivationReasonCode.ApplicationRequested);
    }

    [Fact]
    public async Task Collector_IdleActivation_DeactivatesAndStateSurvivesReactivation()
    {
        var probe = new GrainProbe();
        var options = new SiloOptions { CollectionAge = TimeSpan.FromMilliseconds(100), CollectionQuantum = TimeSpan.FromMilliseconds(20) };
        await using var silo = TestSilo.Create(probe, options: options);
        var grain = silo.GetGrain<ICounterGrain>("k");
        for (var i = 0; i < 3; i++)
        {
            await grain.IncrementAsync();
        }

        var deactivated = await probe.FirstDeactivation.Task.WaitAsync(Timeout);

        deactivated.ToString().Should().Be("counter/k");
        probe.Deactivations.Single().Reason.Should().Be(DeactivationReasonCode.ActivationIdle);
        silo.ActivationCount.Should().Be(0);
        (await grain.GetAsync()).Should().Be(3);
        probe.Constructed.Should().Be(2);
    }

    [Fact]
    public async Task DeactivateIdleAsync_ActivationInCall_IsNotCollected()
    {
        await using var silo = TestSilo.Create(new GrainProbe());
        var grain = silo.GetGrain<ISlowGrain>("k");

        var work = grain.WorkAsync(TimeSpan.FromMilliseconds(200));
        var whileBusy = await silo.DeactivateIdleAsync(TimeSpan.Zero);
        await work;
        var afterwards = await silo.DeactivateIdleAsync(TimeSpan.Zero);

        whileBusy.Should().Be(0);
        afterwards.Should().Be(1);
    }

    [Fact]
    public async Task DisposeAsync_DeactivatesEverythingAndRejectsLaterCalls()
    {
        var probe = new GrainProbe();
        var storage = new InMemoryGrainStorage();
        var silo = TestSilo.Create(probe, storage);
        var grains = new[] { "a", "b", "c" }.Select(key => silo.GetGrain<ICounterGrain>(key)).ToArray();
        foreach (var grain in grains)
        {
            await grain.IncrementAsync();
        }

        await silo.DisposeAsync();

        probe.Deactivations.Select(d => d.Reason).Should().Equal(Enumerable.Repeat(DeactivationReasonCode.ShuttingDown, 3));
        storage.Count.Should().Be(3, "OnDeactivateAsync saved each counter");
        silo.ActivationCount.Should().Be(0);
        FluentActions.Invoking(() => silo.GetGrain<ICounterGrain>("a")).Should().Throw<ObjectDisposedException>();
        await FluentActions.Awaiting(() => grains[0].GetAsync()).Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task StopAsync_CallInProgress_WaitsForItsTurnToEnd()
    {
        var silo = TestSilo.Create(new GrainProbe());
        var work = silo.GetGrain<ISlowGrain>("k").WorkAsync(TimeSpan.FromMilliseconds(150));
        await Task.Delay(20);

        await silo.StopAsync();

        work.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task OnActivateAsync_Throws_CallFailsAndNextCallActivatesAgain()
    {
        await using var silo = TestSilo.Create(new GrainProbe(), activationFailures: 1);
        var grain = silo.GetGrain<IFlakyActivationGrain>("x");

        await FluentActions.Awaiting(() => grain.HelloAsync()).Should().ThrowAsync<InvalidDataException>().WithMessage("activation failed on purpose");
        silo.ActivationCount.Should().Be(0);
        (await grain.HelloAsync()).Should().Be("hello flakyactivation/x");
    }

    [Fact]
    public async Task GrainTimer_Ticks_AsTurnsThatNeverOverlapCalls()
    {
        await using var silo = TestSilo.Create(new GrainProbe());
        var grain = silo.GetGrain<ITickingGrain>("t");

        var ticked = await TestSilo.EventuallyAsync(async () => await grain.GetTicksAsync() >= 5);
        await grain.StopTicksAsync();
        var afterStop = await grain.GetTicksAsync();
        await Task.Delay(60);

        ticked.Should().BeTrue();
        (await grain.GetMaxConcurrentAsync()).Should().Be(1);
        (await grain.GetTicksAsync()).Should().Be(afterStop);
    }

    [Fact]
    public async Task GrainTimer_ActivationDeactivated_StopsTicking()
    {
        await using var silo = TestSilo.Create(new GrainProbe());
        var grain = silo.GetGrain<ITickingGrain>("t");
        await TestSilo.EventuallyAsync(async () => await grain.GetTicksAsync() >= 2);

        var collected = await silo.DeactivateIdleAsync(TimeSpan.Zero);
        await Task.Delay(60);

        collected.Should().Be(1, "timer ticks do not keep an activation alive");
        silo.ActivationCount.Should().Be(0, "a stopped timer does not reactivate its grain");
    }

    [Fact]
    public async Task GetGrain_References_EqualByGrainId()
    {
        await using var silo = TestSilo.Create(new GrainProbe());

        var first = silo.GetGrain<ICounterGrain>("Fe-Li-O");
        var second = silo.GetGrain<ICounterGrain>("Fe-Li-O");

        first.Should().Be(second);
        first.Should().NotBe(silo.GetGrain<ICounterGrain>("Fe-O"));
        first.ToString().Should().Be("GrainReference counter/Fe-Li-O");
        silo.ActivationCount.Should().Be(0, "references do not activate grains");
    }

    [Fact]
    public void Constructor_NonPositiveQuantum_Throws()
    {
        var act = () => TestSilo.Create(new GrainProbe(), options: new SiloOptions { CollectionQuantum = TimeSpan.Zero });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("CollectionQuantum");
    }
}
