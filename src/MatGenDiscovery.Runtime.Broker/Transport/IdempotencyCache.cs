namespace MatGenDiscovery.Runtime.Broker.Transport;

/// <summary>
/// Remembers the outcome of the last <c>capacity</c> operations by idempotency key, so an at-least-once delivery
/// of the same key runs the operation once: a duplicate arriving while the first still runs awaits it, one arriving
/// later gets the stored result. Oldest keys are forgotten first. Thread-safe.
/// </summary>
public sealed class IdempotencyCache<TResult>
{
    private readonly Dictionary<Guid, Task<TResult>> _entries = [];
    private readonly Queue<Guid> _order = new();
    private readonly Lock _gate = new();

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    public IdempotencyCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="operation"/> unless <paramref name="key"/> is known; returns the (shared) outcome.</summary>
    public Task<TResult> GetOrRunAsync(Guid key, Func<Task<TResult>> operation)
    {
        TaskCompletionSource<TResult> source;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                return existing;
            }

            source = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            _entries[key] = source.Task;
            _order.Enqueue(key);
            while (_order.Count > Capacity)
            {
                _entries.Remove(_order.Dequeue());
            }
        }

        _ = RunAsync(key, operation, source);
        return source.Task;
    }

    private async Task RunAsync(Guid key, Func<Task<TResult>> operation, TaskCompletionSource<TResult> source)
    {
        try
        {
            source.SetResult(await operation().ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            // A failed run is not an outcome to replay: forget it so a redelivery tries again.
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out var task) && task == source.Task)
                {
                    _entries.Remove(key);
                }
            }

            source.SetException(ex);
        }
    }
}
