using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MatGenDiscovery.Storage.Blobs;
using BlobItem = MatGenDiscovery.Storage.Blobs.BlobItem;
using BlobProperties = MatGenDiscovery.Storage.Blobs.BlobProperties;

namespace MatGenDiscovery.Storage.AzureBlob.Providers;

/// <summary>
/// An <see cref="IBlobStore"/> over one Azure Blob Storage container (Azurite in development and tests): blob
/// <c>a/b/c.json</c> is the block blob of that name. Same contract as the file-system provider.
/// </summary>
/// <remarks>
/// <para>Atomicity: content up to <see cref="AzureBlobStoreOptions.SingleUploadLimitBytes"/> is one Put Blob request;
/// larger content is staged as uncommitted blocks and made visible by a single Put Block List. Readers see the old or
/// the new blob, never a partial one; a failed upload leaves at most uncommitted blocks, which the service discards.</para>
/// <para>Conditions map to <c>If-Match: etag</c> and <c>If-None-Match: *</c>, checked by the service atomically with
/// the write (for staged uploads, with the commit). 412 and 409 become <see cref="BlobConditionFailedException"/>; its
/// <see cref="BlobConditionFailedException.CurrentETag"/> is read right after the failure, so it is informative only.</para>
/// <para>Integrity: byte and seekable-stream uploads store the content's MD5 with the blob (Content-MD5, also for staged
/// uploads, where the service cannot compute it); <see cref="GetAsync"/> compares it with what it read and throws
/// <see cref="InvalidDataException"/> naming the blob on a mismatch, so a blob corrupted at rest or in transit never
/// reaches a caller as valid bytes.</para>
/// <para>ETags are the service's (<c>"0x8DC…"</c>): opaque version tags, not content hashes.</para>
/// <para>Retries: see <see cref="AzureBlobStoreOptions"/>. A conditional put whose first attempt succeeded but whose
/// reply was lost is retried and then fails its own condition; callers of <see cref="BlobCondition.IfNotExists"/>
/// already treat a conflict with identical content as success (see the Storage README's layout table).</para>
/// </remarks>
public sealed partial class AzureBlobStore : IBlobStore
{
    private readonly BlobContainerClient _container;
    private readonly StorageTransferOptions _transferOptions;
    private volatile bool _containerReady;

    /// <exception cref="ArgumentException">The container name or a size or retry setting is invalid.</exception>
    public AzureBlobStore(AzureBlobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options.ConnectionString));
        Validate(options);
        var clientOptions = new BlobClientOptions { RetryPolicy = new BudgetedRetryPolicy(options, new SecretRedactor(options.ConnectionString)) };
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        _container = new BlobContainerClient(options.ConnectionString, options.ContainerName, clientOptions);
        _transferOptions = new StorageTransferOptions
        {
            InitialTransferSize = options.SingleUploadLimitBytes,
            MaximumTransferSize = options.BlockSizeBytes,
            MaximumConcurrency = 2,
        };
        ContainerName = options.ContainerName;
    }

    public string ContainerName { get; }

    /// <exception cref="InvalidDataException">The content read does not match the MD5 stored with the blob at upload (corrupt at rest or in transit); the message names the blob.</exception>
    public async Task<BlobDownload?> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        BlobPath.Validate(path);
        try
        {
            var result = (await _container.GetBlobClient(path).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            var details = result.Details;
            var content = result.Content.ToMemory();
            ContentHash.Verify(path, content.Span, details.ContentHash);
            return new BlobDownload(content, new BlobProperties(details.ETag.ToString("H"), content.Length, details.LastModified));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public Task<string> PutAsync(string path, ReadOnlyMemory<byte> content, BlobCondition? condition = null, CancellationToken cancellationToken = default) =>
        PutCoreAsync(path, condition, ContentHash.Of(content.Span), (blob, options, token) => blob.UploadAsync(BinaryData.FromBytes(content), options, token), cancellationToken);

    /// <remarks>A seekable stream is hashed first (and rewound), so its blob carries an MD5 that reads verify; a forward-only stream's blob carries none.</remarks>
    public async Task<string> PutAsync(string path, Stream content, BlobCondition? condition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hash = content.CanSeek ? await ContentHash.OfAsync(content, cancellationToken).ConfigureAwait(false) : null;
        return await PutCoreAsync(path, condition, hash, (blob, options, token) => blob.UploadAsync(content, options, token), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string path, BlobCondition? condition = null, CancellationToken cancellationToken = default)
    {
        BlobPath.Validate(path);
        var blob = _container.GetBlobClient(path);
        try
        {
            await blob.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, ToRequestConditions(condition), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            if (condition?.IfMatchETag is not null)
            {
                throw new BlobConditionFailedException(path, condition, currentETag: null);
            }

            return false;
        }
        catch (RequestFailedException ex) when (condition is not null && ex.Status is 412 or 409)
        {
            throw await ConditionFailedAsync(blob, path, condition, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default)
    {
        BlobPath.Validate(path);
        return (await _container.GetBlobClient(path).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
    }

    public async Task<IReadOnlyList<BlobItem>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        BlobPath.ValidatePrefix(prefix);
        var items = new List<BlobItem>();
        try
        {
            await foreach (var blob in _container.GetBlobsAsync(prefix: prefix.Length == 0 ? null : prefix, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (BlobPath.IsValid(blob.Name))
                {
                    items.Add(new BlobItem(blob.Name, blob.Properties.ContentLength ?? 0, blob.Properties.LastModified ?? DateTimeOffset.MinValue));
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        items.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return items;
    }

    private async Task<string> PutCoreAsync(
        string path,
        BlobCondition? condition,
        byte[]? contentHash,
        Func<BlobClient, BlobUploadOptions, CancellationToken, Task<Response<BlobContentInfo>>> uploadAsync,
        CancellationToken cancellationToken)
    {
        BlobPath.Validate(path);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var blob = _container.GetBlobClient(path);
        var options = new BlobUploadOptions
        {
            Conditions = ToRequestConditions(condition),
            TransferOptions = _transferOptions,
            HttpHeaders = contentHash is null ? null : new BlobHttpHeaders { ContentHash = contentHash },
        };
        try
        {
            var info = (await uploadAsync(blob, options, cancellationToken).ConfigureAwait(false)).Value;
            return info.ETag.ToString("H");
        }
        catch (RequestFailedException ex) when (condition is not null && ex.Status is 412 or 409 or 404)
        {
            throw await ConditionFailedAsync(blob, path, condition, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerReady)
        {
            return;
        }

        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        _containerReady = true;
    }

    private static async Task<BlobConditionFailedException> ConditionFailedAsync(BlobClient blob, string path, BlobCondition condition, CancellationToken cancellationToken)
    {
        string? current;
        try
        {
            current = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ETag.ToString("H");
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            current = null;
        }

        return new BlobConditionFailedException(path, condition, current);
    }

    private static BlobRequestConditions? ToRequestConditions(BlobCondition? condition) => condition switch
    {
        null => null,
        { IfNoneMatchAny: true } => new BlobRequestConditions { IfNoneMatch = ETag.All },
        _ => new BlobRequestConditions { IfMatch = new ETag(condition.IfMatchETag!) },
    };

    private static void Validate(AzureBlobStoreOptions options)
    {
        if (!ContainerNamePattern().IsMatch(options.ContainerName ?? ""))
        {
            throw new ArgumentException(
                $"Invalid container name '{options.ContainerName}': use 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(options));
        }

        if (options.MaxRetries < 0 || options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay || options.NetworkTimeout <= TimeSpan.Zero || options.RetryBudget < TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"Invalid retry settings (MaxRetries {options.MaxRetries}, RetryDelay {options.RetryDelay}, MaxRetryDelay {options.MaxRetryDelay}, RetryBudget {options.RetryBudget}, NetworkTimeout {options.NetworkTimeout}): " +
                "retries and budget must be ≥ 0, delays and timeout positive, MaxRetryDelay ≥ RetryDelay.",
                nameof(options));
        }

        if (options.SingleUploadLimitBytes <= 0 || options.BlockSizeBytes <= 0)
        {
            throw new ArgumentException(
                $"Invalid upload sizes (SingleUploadLimitBytes {options.SingleUploadLimitBytes}, BlockSizeBytes {options.BlockSizeBytes}): both must be positive.",
                nameof(options));
        }
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerNamePattern();
}
