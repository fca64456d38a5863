using MatGenDiscovery.Runtime.Activation;
using MatGenDiscovery.Runtime.Storage;

namespace MatGenDiscovery.Runtime.Hosting;

/// <summary>
/// The embedded, in-process grain runtime: a directory of activations (at most one per <see cref="GrainId"/>),
/// created on first call, collected when idle, and all deactivated on <see cref="StopAsync"/>/<see cref="DisposeAsync"/>.
/// Grain code does not know which host runs it; a broker-based host can run the same grains.
/// </summary>
public sealed class Silo : IGrainFactory, IAsyncDisposable
{
    private readonly Dictionary<GrainId, GrainActivation> _activations = [];
    private readonly Lock _gate = new();
    private readonly GrainTypeRegistry _registry;
    private readonly CancellationTokenSource _collectorCancellation = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _collector;
    private Task? _stopping;

    /// <param name="storage">Grain state provider; a fresh <see cref="InMemoryGrainStorage"/> if null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Silo(GrainTypeRegistry registry, IGrainStorage? storage = null, SiloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Options = options ?? new SiloOptions();
        Options.Validate();
        _registry = registry;
        Storage = storage ?? new InMemoryGrainStorage();
        _collector = Options.CollectionAge == Timeout.InfiniteTimeSpan ? Task.CompletedTask : CollectIdleLoopAsync();
    }

    /// <summary>
    /// Raised for failures nobody awaits: exceptions from <see cref="Grain.OnDeactivateAsync"/> and from timer
    /// callbacks. Handlers run on the failing activation's turn and must not block.
    /// </summary>
    public event Action<GrainId, Exception>? BackgroundError;

    public SiloOptions Options { get; }

    public IGrainStorage Storage { get; }

    public int ActivationCount
    {
        get
        {
            lock (_gate)
            {
                return _activations.Count;
            }
        }
    }

    /// <summary>Cancelled when the silo starts shutting down; passed to <see cref="Grain.OnActivateAsync"/>.</summary>
    internal CancellationToken ShutdownToken => _shutdown.Token;

    /// <exception cref="ObjectDisposedException">The silo is stopping or stopped.</exception>
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        GrainInterfaceValidator.Validate(typeof(TGrainInterface));
        var registration = _registry.Get(typeof(TGrainInterface));
        ObjectDisposedException.ThrowIf(_stopping is not null, this);
        return GrainProxy.Create<TGrainInterface>(this, new GrainId(registration.TypeName, key));
    }

    /// <summary>
    /// Deactivates every activation idle for at least <paramref name="minimumIdle"/>, as the collector does.
    /// Their <see cref="Grain.OnDeactivateAsync"/> runs to completion (it may be saving state).
    /// </summary>
    /// <returns>How many activations were deactivated.</returns>
    public async Task<int> DeactivateIdleAsync(TimeSpan minimumIdle)
    {
        var reason = new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"idle for at least {minimumIdle}");
        var deactivated = await Task.WhenAll(Snapshot()
                .Where(activation => activation.IsIdle(minimumIdle))
                .Select(activation => activation.DeactivateAsync(reason, minimumIdle, CancellationToken.None)))
            .ConfigureAwait(false);
        return deactivated.Count(d => d);
    }

    /// <summary>
    /// Stops accepting calls and deactivates all activations, each after its current turn ends. Calls queued behind
    /// them fail with <see cref="ObjectDisposedException"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired before every activation finished.</exception>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _stopping ??= StopCoreAsync(cancellationToken);
            return _stopping;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _collectorCancellation.Dispose();
        _shutdown.Dispose();
    }

    internal async Task<object?> InvokeAsync(GrainId grainId, GrainMethodInvoker invoker, object?[] arguments)
    {
        if (!invoker.AlwaysInterleave)
        {
            CallChain.ThrowIfCycle(grainId);
        }

        while (true)
        {
            var result = await GetOrCreateActivation(grainId).InvokeAsync(invoker, arguments).ConfigureAwait(false);
            if (!ReferenceEquals(result, GrainActivation.Rejected))
            {
                return result;
            }
        }
    }

    internal void Remove(GrainActivation activation)
    {
        lock (_gate)
        {
            if (_activations.TryGetValue(activation.GrainId, out var current) && ReferenceEquals(current, activation))
            {
                _activations.Remove(activation.GrainId);
            }
        }
    }

    internal void ReportBackgroundError(GrainId grainId, Exception exception) => BackgroundError?.Invoke(grainId, exception);

    private GrainActivation GetOrCreateActivation(GrainId grainId)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping is not null, this);
            if (!_activations.TryGetValue(grainId, out var activation))
            {
                activation = new GrainActivation(grainId, _registry.Get(grainId.Type), this);
                _activations.Add(grainId, activation);
            }

            return activation;
        }
    }

    private GrainActivation[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _activations.Values];
        }
    }

    private async Task CollectIdleLoopAsync()
    {
        var token = _collectorCancellation.Token;
        try
        {
            while (true)
            {
                await Task.Delay(Options.CollectionQuantum, Options.TimeProvider, token).ConfigureAwait(false);
                await DeactivateIdleAsync(Options.CollectionAge).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Shutdown: StopAsync deactivates what is left.
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        _collectorCancellation.Cancel();
        _shutdown.Cancel();
        await _collector.ConfigureAwait(false);
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "the silo is stopping");
        await Task.WhenAll(Snapshot().Select(activation => activation.DeactivateAsync(reason, onlyIfIdleFor: null, cancellationToken)))
            .ConfigureAwait(false);
    }
}
