using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Storage.Providers;

/// <summary>
/// A process-local <see cref="IBlobStore"/> for tests and single-process runs. Content is copied on the way in
/// and out, so callers can never mutate a stored blob; ETags are <see cref="BlobETag"/> content hashes, like
/// <see cref="FileSystemBlobStore"/>.
/// </summary>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly Dictionary<string, Entry> _blobs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;

    public InMemoryBlobStore(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public Task<BlobDownload?> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        BlobPath.Validate(path);
        lock (_gate)
        {
            return Task.FromResult(_blobs.TryGetValue(path, out var entry)
                ? new BlobDownload(entry.Content.ToArray(), entry.Properties)
                : null);
        }
    }

    public Task<string> PutAsync(string path, ReadOnlyMemory<byte> content, BlobCondition? condition = null, CancellationToken cancellationToken = default)
    {
        BlobPath.Validate(path);
        var copy = content.ToArray();
        var properties = new BlobProperties(BlobETag.Compute(copy), copy.Length, _timeProvider.GetUtcNow());
        lock (_gate)
        {
            condition?.Check(path, CurrentETag(path));
            _blobs[path] = new Entry(copy, properties);
        }

        return Task.FromResult(properties.ETag);
    }

    public async Task<string> PutAsync(string path, Stream content, BlobCondition? condition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        BlobPath.Validate(path);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return await PutAsync(path, buffer.ToArray(), condition, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> DeleteAsync(string path, BlobCondition? condition = null, CancellationToken cancellationToken = default)
    {
        BlobPath.Validate(path);
        lock (_gate)
        {
            condition?.Check(path, CurrentETag(path));
            return Task.FromResult(_blobs.Remove(path));
        }
    }

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default)
    {
        BlobPath.Validate(path);
        lock (_gate)
        {
            return Task.FromResult(_blobs.ContainsKey(path));
        }
    }

    public Task<IReadOnlyList<BlobItem>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        BlobPath.ValidatePrefix(prefix);
        lock (_gate)
        {
            IReadOnlyList<BlobItem> items = _blobs
                .Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(pair => new BlobItem(pair.Key, pair.Value.Properties.Length, pair.Value.Properties.LastModified))
                .OrderBy(item => item.Path, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(items);
        }
    }

    private string? CurrentETag(string path) => _blobs.TryGetValue(path, out var entry) ? entry.Properties.ETag : null;

    private sealed record Entry(byte[] Content, BlobProperties Properties);
}
