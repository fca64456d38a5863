using MatGenDiscovery.Runtime.Activation;

namespace MatGenDiscovery.Runtime;

/// <summary>
/// Base class of grain implementations. The runtime creates one instance per activation and runs its calls one at
/// a time (turn-based, not reentrant): while a call awaits, no other call of this activation starts, except methods
/// marked <see cref="AlwaysInterleaveAttribute"/>.
/// </summary>
/// <remarks>
/// <see cref="GrainId"/>, <see cref="GrainFactory"/>, timers and state are available from <see cref="OnActivateAsync"/>
/// on, not in the constructor (the runtime attaches them right after construction).
/// </remarks>
public abstract class Grain : IGrain
{
    private GrainActivation? _activation;

    public GrainId GrainId => Activation.GrainId;

    /// <summary>Factory for references to other grains (or to this one, which would deadlock if called from a call).</summary>
    protected IGrainFactory GrainFactory => Activation.GrainFactory;

    private protected GrainActivation Activation => _activation
        ?? throw new InvalidOperationException($"{GetType().Name} is not attached to an activation yet: grain identity, factory, timers and state are available from OnActivateAsync on, not in the constructor.");

    public string GetPrimaryKeyString() => GrainId.Key;

    /// <summary>Runs in the activation's first turn, before any call (and after the state is read, for <see cref="Grain{TState}"/>).
    /// An exception here fails the triggering call and discards the activation; the next call tries again.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs in the activation's last turn, e.g. to save state. Exceptions are reported through
    /// <see cref="Hosting.Silo.BackgroundError"/>; the activation is discarded regardless.
    /// </summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation as soon as the current turn ends; the next call creates a new one.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation();

    /// <summary>
    /// Calls <paramref name="callback"/> after <paramref name="dueTime"/> and then every <paramref name="period"/>
    /// (<see cref="Timeout.InfiniteTimeSpan"/>: once), each time as a turn of this activation. Ticks do not keep the
    /// activation alive and stop when it deactivates or the returned handle is disposed; the next tick is scheduled
    /// after the previous one finishes. Exceptions are reported through <see cref="Hosting.Silo.BackgroundError"/>.
    /// </summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer(callback, dueTime, period);
    }

    internal void Attach(GrainActivation activation) => _activation = activation;

    internal virtual Task ActivateCoreAsync(CancellationToken cancellationToken) => OnActivateAsync(cancellationToken);
}
