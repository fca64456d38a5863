namespace MatGenDiscovery.Storage.Blobs;

/// <summary>The whole content of a blob together with the properties of exactly that content.</summary>
public sealed record BlobDownload(ReadOnlyMemory<byte> Content, BlobProperties Properties);
