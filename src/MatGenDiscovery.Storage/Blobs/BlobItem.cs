namespace MatGenDiscovery.Storage.Blobs;

/// <summary>
/// One entry of <see cref="IBlobStore.ListAsync"/>. It carries no ETag: on the file system that would mean
/// hashing every listed blob; call <see cref="IBlobStore.GetAsync"/> when the version matters.
/// </summary>
/// <param name="Length">Content length in bytes.</param>
public sealed record BlobItem(string Path, long Length, DateTimeOffset LastModified);
