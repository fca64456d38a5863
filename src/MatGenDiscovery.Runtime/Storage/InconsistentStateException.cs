namespace MatGenDiscovery.Runtime.Storage;

/// <summary>A state write or clear carried an ETag that no longer matches storage: someone else wrote in between.</summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(string message, string? storedETag, string? currentETag, Exception? innerException = null)
        : base(message, innerException)
    {
        StoredETag = storedETag;
        CurrentETag = currentETag;
    }

    /// <summary>The version in storage; null if no record exists.</summary>
    public string? StoredETag { get; }

    /// <summary>The version the writer believed current; null if it believed no record exists.</summary>
    public string? CurrentETag { get; }

    /// <summary>Builds the standard message naming the grain, the state and both versions.</summary>
    public static InconsistentStateException ForGrain(GrainId grainId, string stateName, string? storedETag, string? currentETag, Exception? innerException = null) =>
        new($"State '{stateName}' of grain {grainId} was changed by another writer: storage has version {storedETag ?? "<none>"}, "
            + $"the grain wrote against {currentETag ?? "<none>"}. Re-read the state before writing again.",
            storedETag, currentETag, innerException);
}
