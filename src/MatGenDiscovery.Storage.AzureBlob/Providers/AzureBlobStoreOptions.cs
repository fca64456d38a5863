namespace MatGenDiscovery.Storage.AzureBlob.Providers;

/// <summary>
/// Where and how <see cref="AzureBlobStore"/> talks to Azure Blob Storage (or Azurite). Hosts bind this from their
/// configuration; the library never reads the environment. <see cref="ToString"/> never shows the connection string,
/// which carries the account key.
/// </summary>
/// <remarks>
/// Transient failures (connection refused or reset, timeouts, 408/429/500/502/503/504) are retried with exponential
/// backoff and ±20 % jitter: delays <see cref="RetryDelay"/>·2ⁿ capped at <see cref="MaxRetryDelay"/>. A request stops
/// retrying when <see cref="RetryBudget"/> has passed since its first attempt or after <see cref="MaxRetries"/> retries,
/// whichever comes first; the defaults ride out an outage of about 60 s. Every retry is reported to
/// <see cref="OnRetry"/> without secrets.
/// </remarks>
public sealed record AzureBlobStoreOptions
{
    public required string ConnectionString { get; init; }

    /// <summary>Container holding every blob of this store; created on first use. 3–63 characters: lower-case letters, digits, single hyphens.</summary>
    public required string ContainerName { get; init; }

    public int MaxRetries { get; init; } = 100;

    /// <summary>No retry starts later than this after a request's first attempt.</summary>
    public TimeSpan RetryBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Called before every retry (from the request's thread; keep it quick), e.g. to log it.</summary>
    public Action<AzureBlobRetry>? OnRetry { get; init; }

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Time limit of one HTTP attempt.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Content up to this size goes up in one Put Blob request; larger content in staged blocks committed at once.</summary>
    public int SingleUploadLimitBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Block size of staged uploads.</summary>
    public int BlockSizeBytes { get; init; } = 8 * 1024 * 1024;

    public override string ToString() =>
        $"AzureBlobStoreOptions {{ ContainerName = {ContainerName}, ConnectionString = <redacted>, MaxRetries = {MaxRetries}, " +
        $"RetryDelay = {RetryDelay}, MaxRetryDelay = {MaxRetryDelay}, RetryBudget = {RetryBudget}, NetworkTimeout = {NetworkTimeout} }}";
}
