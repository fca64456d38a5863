namespace MatGenDiscovery.Runtime.Storage;

/// <summary>
/// Persists grain state with optimistic concurrency. Every write and clear carries the ETag of the last read or
/// write; if storage holds a different version (or a record where the ETag says none exists), the provider throws
/// <see cref="InconsistentStateException"/> and changes nothing, so two activations of one grain (for example in
/// two processes) can never silently overwrite each other.
/// </summary>
public interface IGrainStorage
{
    /// <summary>
    /// Loads the record into <paramref name="grainState"/>: sets State, ETag and RecordExists = true; if there is no
    /// record, sets ETag = null and RecordExists = false and leaves State untouched.
    /// </summary>
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>Stores State if the stored ETag equals grainState.ETag (null: no record may exist); updates ETag and sets RecordExists = true.</summary>
    /// <exception cref="InconsistentStateException">Storage holds a different version.</exception>
    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>Deletes the record under the same ETag check as writing; sets ETag = null and RecordExists = false.</summary>
    /// <exception cref="InconsistentStateException">Storage holds a different version.</exception>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}
