namespace MatGenDiscovery.Storage.Blobs;

/// <param name="ETag">Opaque version tag; pass it back in <see cref="BlobCondition.IfMatch"/>.</param>
/// <param name="Length">Content length in bytes.</param>
/// <param name="LastModified">Time of the write that produced this content (UTC).</param>
public sealed record BlobProperties(string ETag, long Length, DateTimeOffset LastModified);
