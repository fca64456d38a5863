using System.Security.Cryptography;

namespace MatGenDiscovery.Storage.Blobs;

/// <summary>
/// Content-hash ETags used by the built-in providers: the first 128 bits of SHA-256 of the content, lower-case
/// hex, wrapped in double quotes like an HTTP ETag (<c>"3a7bd3e2360a3d29eea436fcfb7e44c7"</c>).
/// </summary>
/// <remarks>
/// Callers must treat ETags as opaque (other providers use versions). A content hash identifies content, not a
/// write: if a blob goes A → B → A, an <see cref="BlobCondition.IfMatch"/> taken at the first A still matches.
/// That is harmless for whole-state writes (the writer replaces exactly the state it read).
/// </remarks>
public static class BlobETag
{
    public static string Compute(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        return Format(hash);
    }

    /// <summary>Formats a finished SHA-256 hash as an ETag.</summary>
    public static string Format(ReadOnlySpan<byte> sha256)
    {
        if (sha256.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException($"Expected a {SHA256.HashSizeInBytes}-byte SHA-256 hash, got {sha256.Length} bytes.", nameof(sha256));
        }

        return $"\"{Convert.ToHexStringLower(sha256[..16])}\"";
    }
}
