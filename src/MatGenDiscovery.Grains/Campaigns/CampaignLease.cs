using System.Diagnostics;
using System.Text.Json;
using MatGenDiscovery.Grains.Storage;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>
/// The lease blob <c>campaigns/&lt;id&gt;/lease</c>: a process that runs a campaign holds it and renews its heartbeat;
/// another process may take it over only when it is stale — the heartbeat is older than <see cref="StaleAfter"/>, or
/// the owner is on this host and its process no longer exists (e.g. after <c>kill -9</c>). All writes are
/// ETag-conditional, so two processes can never both believe they hold it.
/// </summary>
public sealed class CampaignLease
{
    private readonly IBlobStore _blobs;
    private readonly TimeProvider _time;
    private string? _etag;

    public CampaignLease(IBlobStore blobs, string campaignId, TimeSpan? staleAfter = null, TimeProvider? time = null)
    {
        _blobs = blobs;
        _time = time ?? TimeProvider.System;
        CampaignId = campaignId;
        StaleAfter = staleAfter ?? TimeSpan.FromSeconds(30);
        Record = new LeaseRecord(Environment.ProcessId, Environment.MachineName, Guid.NewGuid().ToString("N"), _time.GetUtcNow());
    }

    public string CampaignId { get; }

    public TimeSpan StaleAfter { get; }

    public LeaseRecord Record { get; private set; }

    /// <exception cref="CampaignLeaseException">A live process holds the lease.</exception>
    public async Task AcquireAsync(CancellationToken cancellationToken = default)
    {
        var path = CampaignPaths.Lease(CampaignId);
        var current = await _blobs.GetAsync(path, cancellationToken);
        if (current is not null)
        {
            var holder = JsonSerializer.Deserialize<LeaseRecord>(current.Content.Span, GrainJson.Options)!;
            if (IsLive(holder))
            {
                var age = _time.GetUtcNow() - holder.Heartbeat;
                throw new CampaignLeaseException(
                    $"campaign '{CampaignId}' is running in process {holder.ProcessId} on {holder.Host} (heartbeat {age.TotalSeconds:F0} s ago); stop it with 'matgen campaign stop {CampaignId}' or wait until its lease is stale");
            }
        }

        await WriteAsync(current is null ? BlobCondition.IfNotExists : BlobCondition.IfMatch(current.Properties.ETag), cancellationToken);
    }

    /// <exception cref="CampaignLeaseException">Another process took the lease over.</exception>
    public Task RenewAsync(CancellationToken cancellationToken = default) =>
        WriteAsync(BlobCondition.IfMatch(_etag ?? throw new InvalidOperationException("the lease was not acquired")), cancellationToken);

    public async Task ReleaseAsync()
    {
        if (_etag is { } etag)
        {
            try
            {
                await _blobs.DeleteAsync(CampaignPaths.Lease(CampaignId), BlobCondition.IfMatch(etag));
            }
            catch (BlobConditionFailedException)
            {
                // Someone took it over; it is theirs now.
            }

            _etag = null;
        }
    }

    /// <summary>Whether a lease record belongs to a live process: fresh heartbeat and, on this host, an existing process
    /// (this very process counts as live: it may run the campaign in another silo).</summary>
    public bool IsLive(LeaseRecord holder)
    {
        if (_time.GetUtcNow() - holder.Heartbeat > StaleAfter)
        {
            return false;
        }

        if (holder.Host != Environment.MachineName)
        {
            return true;
        }

        if (holder.ProcessId == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(holder.ProcessId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task WriteAsync(BlobCondition condition, CancellationToken cancellationToken)
    {
        Record = Record with { Heartbeat = _time.GetUtcNow() };
        try
        {
            _etag = await _blobs.PutAsync(CampaignPaths.Lease(CampaignId), JsonSerializer.SerializeToUtf8Bytes(Record, GrainJson.Options), condition, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            throw new CampaignLeaseException($"campaign '{CampaignId}': another process took the lease over");
        }
    }
}
