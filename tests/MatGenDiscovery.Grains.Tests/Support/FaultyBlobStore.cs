using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Grains.Tests.Support;

/// <summary>Passes everything to an inner store, except that once armed, the first write to a matching path throws (a crash at that point).</summary>
public sealed class FaultyBlobStore(IBlobStore inner) : IBlobStore
{
    private Func<string, bool>? _failOn;

    public void FailNextWrite(Func<string, bool> pathMatches) => _failOn = pathMatches;

    public Task<BlobDownload?> GetAsync(string path, CancellationToken cancellationToken = default) => inner.GetAsync(path, cancellationToken);

    public Task<string> PutAsync(string path, ReadOnlyMemory<byte> content, BlobCondition? condition = null, CancellationToken cancellationToken = default)
    {
        Trip(path);
        return inner.PutAsync(path, content, condition, cancellationToken);
    }

    public Task<string> PutAsync(string path, Stream content, BlobCondition? condition = null, CancellationToken cancellationToken = default)
    {
        Trip(path);
        return inner.PutAsync(path, content, condition, cancellationToken);
    }

    public Task<bool> DeleteAsync(string path, BlobCondition? condition = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, condition, cancellationToken);

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) => inner.ExistsAsync(path, cancellationToken);

    public Task<IReadOnlyList<BlobItem>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    private void Trip(string path)
    {
        if (_failOn is { } failOn && failOn(path))
        {
            _failOn = null;
            throw new IOException($"simulated crash while writing '{path}'");
        }
    }
}
