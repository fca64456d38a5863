namespace MatGenDiscovery.Runtime.Activation;

/// <summary>A grain timer: a loop that delays, then runs the callback as a turn of its activation.</summary>
internal sealed class GrainTimer(
    GrainActivation activation,
    Func<CancellationToken, Task> callback,
    TimeSpan dueTime,
    TimeSpan period,
    TimeProvider timeProvider) : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <exception cref="ArgumentOutOfRangeException">The due time is negative or the period is neither positive nor infinite.</exception>
    public static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero, nameof(dueTime));
        if (period != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero, nameof(period));
        }
    }

    public void Start() => _ = RunAsync();

    public void Dispose() => _cancellation.Cancel();

    private async Task RunAsync()
    {
        CallChain.Clear();
        var token = _cancellation.Token;
        try
        {
            await Task.Delay(dueTime, timeProvider, token).ConfigureAwait(false);
            while (await activation.RunTimerTickAsync(callback, token).ConfigureAwait(false) && period != Timeout.InfiniteTimeSpan)
            {
                await Task.Delay(period, timeProvider, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed or deactivated: the timer simply stops.
        }
    }
}
