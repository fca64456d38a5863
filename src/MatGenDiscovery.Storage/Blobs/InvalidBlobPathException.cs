namespace MatGenDiscovery.Storage.Blobs;

/// <summary>A blob path or list prefix breaks the rules of <see cref="BlobPath"/>.</summary>
public sealed class InvalidBlobPathException : ArgumentException
{
    public InvalidBlobPathException(string? path, string reason)
        : base($"Invalid blob path '{path}': {reason}.", nameof(path))
    {
        Path = path;
    }

    public string? Path { get; }
}
