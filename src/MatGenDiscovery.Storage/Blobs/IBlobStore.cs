namespace MatGenDiscovery.Storage.Blobs;

/// <summary>
/// A flat store of immutable-per-version byte blobs addressed by <see cref="BlobPath"/> strings
/// (<c>grains/campaign/abc123.json</c>). Every write replaces a whole blob atomically: a reader sees either
/// the previous content or the new one, never a mix. Conditional writes use opaque ETags, so two writers
/// can never silently overwrite each other.
/// </summary>
/// <remarks>
/// All methods throw <see cref="InvalidBlobPathException"/> for a malformed path and
/// <see cref="BlobConditionFailedException"/> when a <see cref="BlobCondition"/> does not hold.
/// </remarks>
public interface IBlobStore
{
    /// <summary>Reads a whole blob; null when it does not exist.</summary>
    Task<BlobDownload?> GetAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Writes a whole blob if <paramref name="condition"/> holds (null: unconditionally).</summary>
    /// <returns>The ETag of the content just written.</returns>
    Task<string> PutAsync(string path, ReadOnlyMemory<byte> content, BlobCondition? condition = null, CancellationToken cancellationToken = default);

    /// <summary>Writes a whole blob read from <paramref name="content"/> (to its end) if <paramref name="condition"/> holds.</summary>
    /// <returns>The ETag of the content just written.</returns>
    Task<string> PutAsync(string path, Stream content, BlobCondition? condition = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob if <paramref name="condition"/> holds.</summary>
    /// <returns>True if a blob was deleted; false if none existed and the condition allowed that.</returns>
    Task<bool> DeleteAsync(string path, BlobCondition? condition = null, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the blobs whose path starts with <paramref name="prefix"/> (a plain string prefix, as in Azure:
    /// <c>"candidates/c1/"</c> or <c>"candidates/c1/00"</c>; empty lists everything), ordered by path (ordinal).
    /// </summary>
    Task<IReadOnlyList<BlobItem>> ListAsync(string prefix, CancellationToken cancellationToken = default);
}
