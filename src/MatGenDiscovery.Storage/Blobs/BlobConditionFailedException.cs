namespace MatGenDiscovery.Storage.Blobs;

/// <summary>A conditional write or delete found the blob in a different state than the condition required.</summary>
public sealed class BlobConditionFailedException : Exception
{
    public BlobConditionFailedException(string path, BlobCondition condition, string? currentETag)
        : base($"Blob '{path}': condition '{condition}' failed; current ETag is {currentETag ?? "<none: blob does not exist>"}.")
    {
        Path = path;
        Condition = condition;
        CurrentETag = currentETag;
    }

    public string Path { get; }

    public BlobCondition Condition { get; }

    /// <summary>The ETag found at the time of the check; null if the blob did not exist.</summary>
    public string? CurrentETag { get; }
}
