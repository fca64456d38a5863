namespace MatGenDiscovery.Runtime.Tests.TestGrains;

public sealed class SlowGrain(GrainProbe probe) : Grain, ISlowGrain
{
    private int _inCall;

    public async Task<int> WorkAsync(TimeSpan delay)
    {
        var seen = probe.EnterCall();
        Interlocked.Increment(ref _inCall);
        try
        {
            await Task.Delay(delay);
            await Task.Yield();
            return seen;
        }
        finally
        {
            Interlocked.Decrement(ref _inCall);
            probe.ExitCall();
        }
    }

    public async Task<bool> MeetAsync()
    {
        probe.EnterAcrossGrains();
        try
        {
            var finished = await Task.WhenAny(probe.TwoInFlight.Task, Task.Delay(TimeSpan.FromSeconds(10)));
            return finished == probe.TwoInFlight.Task;
        }
        finally
        {
            probe.ExitAcrossGrains();
        }
    }

    public Task<int> PeekInCallAsync() => Task.FromResult(Volatile.Read(ref _inCall));
}
