namespace MatGenDiscovery.Runtime.Storage;

/// <summary>A grain's persistent state together with the version it was read or written at.</summary>
public interface IGrainState<T>
{
    T State { get; set; }

    /// <summary>Version of <see cref="State"/> in storage; null if no record exists (or none was read yet).</summary>
    string? ETag { get; set; }

    bool RecordExists { get; set; }
}
