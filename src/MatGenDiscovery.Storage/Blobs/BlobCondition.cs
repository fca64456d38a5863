namespace MatGenDiscovery.Storage.Blobs;

/// <summary>
/// A precondition on the current version of a blob, checked atomically with the write or delete it guards
/// (HTTP <c>If-Match</c> / <c>If-None-Match: *</c> semantics).
/// </summary>
public sealed record BlobCondition
{
    private BlobCondition(string? ifMatch, bool ifNoneMatchAny)
    {
        IfMatchETag = ifMatch;
        IfNoneMatchAny = ifNoneMatchAny;
    }

    /// <summary>The blob must exist with exactly this ETag.</summary>
    public string? IfMatchETag { get; }

    /// <summary>The blob must not exist (create-only).</summary>
    public bool IfNoneMatchAny { get; }

    /// <summary>Succeeds only if the blob exists and its current ETag equals <paramref name="etag"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="etag"/> is empty.</exception>
    public static BlobCondition IfMatch(string etag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(etag);
        return new BlobCondition(etag, ifNoneMatchAny: false);
    }

    /// <summary>Succeeds only if the blob does not exist.</summary>
    public static BlobCondition IfNotExists { get; } = new(null, ifNoneMatchAny: true);

    /// <summary>Throws <see cref="BlobConditionFailedException"/> unless the condition holds for a blob whose current ETag is <paramref name="currentETag"/> (null: missing).</summary>
    public void Check(string path, string? currentETag)
    {
        if (IfNoneMatchAny && currentETag is not null)
        {
            throw new BlobConditionFailedException(path, this, currentETag);
        }

        if (IfMatchETag is not null && !string.Equals(IfMatchETag, currentETag, StringComparison.Ordinal))
        {
            throw new BlobConditionFailedException(path, this, currentETag);
        }
    }

    public override string ToString() => IfNoneMatchAny ? "If-None-Match: *" : $"If-Match: {IfMatchETag}";
}
