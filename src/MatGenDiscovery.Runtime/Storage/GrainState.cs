namespace MatGenDiscovery.Runtime.Storage;

public sealed class GrainState<T>(T state) : IGrainState<T>
{
    public T State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
