using MatGenDiscovery.Runtime.Storage;

namespace MatGenDiscovery.Runtime;

/// <summary>
/// A grain with persistent <see cref="State"/>, read from the silo's <see cref="IGrainStorage"/> before
/// <see cref="Grain.OnActivateAsync"/> and written only when the grain calls <see cref="WriteStateAsync"/>.
/// </summary>
/// <typeparam name="TState">JSON-serialisable state; a fresh <c>new TState()</c> stands for "no record".</typeparam>
public abstract class Grain<TState> : Grain
    where TState : new()
{
    private readonly GrainState<TState> _grainState = new(new TState());

    protected TState State
    {
        get => _grainState.State;
        set => _grainState.State = value ?? throw new ArgumentNullException(nameof(value), "Grain state cannot be null; use ClearStateAsync to delete it.");
    }

    /// <summary>Version of <see cref="State"/> last read or written; null if storage has no record.</summary>
    protected string? StateETag => _grainState.ETag;

    protected bool StateRecordExists => _grainState.RecordExists;

    /// <summary>Name of the state record within the grain; the grain class name unless overridden.</summary>
    protected virtual string StateName => GetType().Name;

    /// <summary>Replaces <see cref="State"/> with the stored version (or <c>new TState()</c> if there is none).</summary>
    protected async Task ReadStateAsync()
    {
        await Activation.Storage.ReadStateAsync(StateName, GrainId, _grainState).ConfigureAwait(false);
        if (!_grainState.RecordExists)
        {
            _grainState.State = new TState();
        }
    }

    /// <exception cref="InconsistentStateException">Storage was changed since this grain's last read or write; re-read before retrying.</exception>
    protected Task WriteStateAsync() => Activation.Storage.WriteStateAsync(StateName, GrainId, _grainState);

    /// <summary>Deletes the stored record and resets <see cref="State"/> to <c>new TState()</c>.</summary>
    /// <exception cref="InconsistentStateException">Storage was changed since this grain's last read or write.</exception>
    protected async Task ClearStateAsync()
    {
        await Activation.Storage.ClearStateAsync(StateName, GrainId, _grainState).ConfigureAwait(false);
        _grainState.State = new TState();
    }

    internal override async Task ActivateCoreAsync(CancellationToken cancellationToken)
    {
        await ReadStateAsync().ConfigureAwait(false);
        await base.ActivateCoreAsync(cancellationToken).ConfigureAwait(false);
    }
}
