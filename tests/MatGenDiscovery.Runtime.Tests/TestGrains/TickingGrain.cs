namespace MatGenDiscovery.Runtime.Tests.TestGrains;

/// <summary>Ticks a timer every 10 ms; each tick and each call counts itself as in-turn.</summary>
public sealed class TickingGrain : Grain, ITickingGrain
{
    private IDisposable? _timer;
    private int _ticks;
    private int _inTurn;
    private int _maxConcurrent;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _timer = RegisterGrainTimer(TickAsync, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
        return Task.CompletedTask;
    }

    public Task<int> GetTicksAsync() => InTurnAsync(() => _ticks);

    public Task<int> GetMaxConcurrentAsync() => InTurnAsync(() => _maxConcurrent);

    public Task StopTicksAsync()
    {
        _timer!.Dispose();
        return Task.CompletedTask;
    }

    private async Task TickAsync(CancellationToken cancellationToken) => await InTurnAsync(() => ++_ticks);

    private async Task<int> InTurnAsync(Func<int> body)
    {
        _maxConcurrent = Math.Max(_maxConcurrent, ++_inTurn);
        await Task.Delay(1);
        var result = body();
        _inTurn--;
        return result;
    }
}
