using MatGenDiscovery.Runtime.Hosting;
using MatGenDiscovery.Runtime.Storage;

namespace MatGenDiscovery.Runtime.Activation;

/// <summary>
/// One in-memory instance of a grain and its mailbox. The mailbox is a FIFO semaphore held for a whole call,
/// awaits included (a "turn"), so calls never interleave; activation, deactivation and timer ticks are turns too.
/// </summary>
/// <remarks>
/// Life cycle: Created → (first turn constructs the grain and runs OnActivateAsync) → Active → (last turn runs
/// OnDeactivateAsync) → Deactivated. A call that reaches a deactivated activation is rejected and the silo
/// retries it on a fresh activation, so callers never see deactivation.
/// </remarks>
internal sealed class GrainActivation
{
    /// <summary>Returned by <see cref="InvokeAsync"/> when the activation was deactivated before the call got its turn.</summary>
    public static readonly object Rejected = new();

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly List<GrainTimer> _timers = [];
    private readonly Silo _silo;
    private readonly GrainRegistration _registration;
    private Grain? _grain;
    private volatile Status _status = Status.Created;
    private bool _deactivationRequested;
    private int _pendingCalls;
    private long _lastActivity;

    public GrainActivation(GrainId grainId, GrainRegistration registration, Silo silo)
    {
        GrainId = grainId;
        _registration = registration;
        _silo = silo;
        _lastActivity = silo.Options.TimeProvider.GetTimestamp();
    }

    private enum Status
    {
        Created,
        Active,
        Deactivated,
    }

    public GrainId GrainId { get; }

    public IGrainFactory GrainFactory => _silo;

    public IGrainStorage Storage => _silo.Storage;

    /// <summary>Runs one call as a turn (or immediately, for interleaving methods); returns its result or <see cref="Rejected"/>.</summary>
    public async Task<object?> InvokeAsync(GrainMethodInvoker invoker, object?[] arguments)
    {
        Interlocked.Increment(ref _pendingCalls);
        try
        {
            return invoker.AlwaysInterleave
                ? await InvokeInterleavedAsync(invoker, arguments).ConfigureAwait(false)
                : await InvokeInTurnAsync(invoker, arguments).ConfigureAwait(false);
        }
        finally
        {
            Touch();
            Interlocked.Decrement(ref _pendingCalls);
        }
    }

    /// <summary>Deactivates at the next turn; with <paramref name="onlyIfIdleFor"/>, only if still idle by then.</summary>
    /// <returns>True if this call deactivated the activation.</returns>
    public async Task<bool> DeactivateAsync(DeactivationReason reason, TimeSpan? onlyIfIdleFor, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_status == Status.Deactivated || (onlyIfIdleFor is { } age && !IsIdle(age)))
            {
                return false;
            }

            await DeactivateInTurnAsync(reason, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>True if no call is running or waiting and the last one ended at least <paramref name="age"/> ago.</summary>
    public bool IsIdle(TimeSpan age) =>
        Volatile.Read(ref _pendingCalls) == 0
        && _silo.Options.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity)) >= age;

    public void RequestDeactivation() => _deactivationRequested = true;

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        GrainTimer.Validate(dueTime, period);
        var timer = new GrainTimer(this, callback, dueTime, period, _silo.Options.TimeProvider);
        _timers.Add(timer);
        timer.Start();
        return timer;
    }

    /// <summary>Runs one timer tick as a turn; false if the activation is gone and the timer should stop.</summary>
    public async Task<bool> RunTimerTickAsync(Func<CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_status != Status.Active)
            {
                return false;
            }

            CallChain.Enter(GrainId);
            try
            {
                await callback(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _silo.ReportBackgroundError(GrainId, ex);
            }

            await EndTurnAsync().ConfigureAwait(false);
            return _status == Status.Active;
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task<object?> InvokeInTurnAsync(GrainMethodInvoker invoker, object?[] arguments)
    {
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_status == Status.Deactivated)
            {
                return Rejected;
            }

            if (_status == Status.Created)
            {
                await ActivateInTurnAsync().ConfigureAwait(false);
            }

            CallChain.Enter(GrainId);
            try
            {
                return await invoker.InvokeAsync(_grain!, arguments).ConfigureAwait(false);
            }
            finally
            {
                await EndTurnAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task<object?> InvokeInterleavedAsync(GrainMethodInvoker invoker, object?[] arguments)
    {
        if (_status != Status.Active)
        {
            await _turn.WaitAsync().ConfigureAwait(false);
            try
            {
                if (_status == Status.Deactivated)
                {
                    return Rejected;
                }

                if (_status == Status.Created)
                {
                    await ActivateInTurnAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                _turn.Release();
            }
        }

        CallChain.Enter(GrainId);
        return await invoker.InvokeAsync(_grain!, arguments).ConfigureAwait(false);
    }

    private async Task ActivateInTurnAsync()
    {
        try
        {
            var grain = _registration.Factory(new GrainActivationContext(GrainId, _silo));
            grain.Attach(this);
            _grain = grain;
            CallChain.Enter(GrainId);
            await grain.ActivateCoreAsync(_silo.ShutdownToken).ConfigureAwait(false);
            _status = Status.Active;
        }
        catch
        {
            Discard();
            throw;
        }
    }

    private async Task EndTurnAsync()
    {
        Touch();
        if (_deactivationRequested && _status == Status.Active)
        {
            await DeactivateInTurnAsync(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called"), CancellationToken.None)
                .ConfigureAwait(false);
        }
    }

    private async Task DeactivateInTurnAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            if (_status == Status.Active)
            {
                StopTimers();
                await _grain!.OnDeactivateAsync(reason, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            _silo.ReportBackgroundError(GrainId, ex);
        }
        finally
        {
            Discard();
        }
    }

    // Removal happens last, inside the turn: a new activation for this key can only start once this one's
    // OnDeactivateAsync (which may save state) has finished.
    private void Discard()
    {
        StopTimers();
        _status = Status.Deactivated;
        _silo.Remove(this);
    }

    private void StopTimers()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }

    private void Touch() => Volatile.Write(ref _lastActivity, _silo.Options.TimeProvider.GetTimestamp());
}
