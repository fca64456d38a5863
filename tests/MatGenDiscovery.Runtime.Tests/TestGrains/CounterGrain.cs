namespace MatGenDiscovery.Runtime.Tests.TestGrains;

/// <summary>Persistent counter that saves on deactivation, like a campaign saving at the end of a round.</summary>
public sealed class CounterGrain : Grain<CounterState>, ICounterGrain
{
    private readonly GrainProbe _probe;

    public CounterGrain(GrainProbe probe)
    {
        _probe = probe;
        probe.OnConstructed();
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _probe.OnActivated();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await WriteStateAsync();
        _probe.OnDeactivated(GrainId, reason.ReasonCode);
    }

    public Task<int> IncrementAsync() => Task.FromResult(++State.Value);

    public Task<int> GetAsync() => Task.FromResult(State.Value);

    public Task SaveAsync() => WriteStateAsync();

    public Task ReloadAsync() => ReadStateAsync();

    public Task ClearAsync() => ClearStateAsync();

    public Task<string?> GetETagAsync() => Task.FromResult(StateETag);

    public Task LeaveAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
