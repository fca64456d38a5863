namespace MatGenDiscovery.Storage.Blobs;

/// <summary>Another writer (possibly in another process) held a blob's lock longer than the configured timeout.</summary>
public sealed class BlobLockTimeoutException : TimeoutException
{
    public BlobLockTimeoutException(string path, TimeSpan timeout, Exception? lastError)
        : base($"Blob '{path}': could not acquire its write lock within {timeout.TotalSeconds:0.###} s; another writer holds it.", lastError)
    {
        Path = path;
    }

    public string Path { get; }
}
