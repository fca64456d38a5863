using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Runtime;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>
/// Drives a campaign grain round by round in the silo that owns it: holds the campaign's lease (renewed by a
/// heartbeat), reports progress after every round, and turns cancellation into a stop request, which the grain
/// honours at its next stage boundary.
/// </summary>
public sealed class CampaignRunner(IGrainFactory grains, IBlobStore blobs, TimeSpan? heartbeatInterval = null, TimeSpan? staleAfter = null)
{
    private readonly TimeSpan _heartbeat = heartbeatInterval ?? TimeSpan.FromSeconds(5);

    /// <summary>Starts a new campaign (or continues one with the same config) and runs it to completion or stop.</summary>
    public Task<CampaignStatus> StartAsync(string campaignId, CampaignConfig config, Action<CampaignStatus>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(campaignId, config, progress, cancellationToken);

    /// <summary>Clears a stop request and continues a stored campaign from its last completed round.</summary>
    /// <exception cref="CampaignLeaseException">The campaign is live in another process.</exception>
    /// <exception cref="InvalidOperationException">No such campaign in the store.</exception>
    public Task<CampaignStatus> ResumeAsync(string campaignId, Action<CampaignStatus>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(campaignId, null, progress, cancellationToken);

    private async Task<CampaignStatus> RunAsync(string campaignId, CampaignConfig? config, Action<CampaignStatus>? progress, CancellationToken cancellationToken)
    {
        var lease = new CampaignLease(blobs, campaignId, staleAfter);
        await lease.AcquireAsync(cancellationToken);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(lease, heartbeatStop.Token);
        var campaign = grains.GetGrain<IDiscoveryCampaignGrain>(campaignId);
        await using var stopOnCancel = cancellationToken.Register(() => _ = campaign.RequestStopAsync());
        try
        {
            var status = config is null ? await campaign.GetStatusAsync() : await campaign.StartAsync(config);
            if (status.Phase == CampaignPhase.New)
            {
                throw new InvalidOperationException($"no campaign '{campaignId}' in the store");
            }

            if (config is null)
            {
                await blobs.DeleteAsync(CampaignPaths.Stop(campaignId), cancellationToken: CancellationToken.None);
            }

            progress?.Invoke(status);
            while (status.Phase != CampaignPhase.Completed)
            {
                status = await campaign.RunRoundAsync();
                progress?.Invoke(status);
                if (status.Phase == CampaignPhase.Stopped)
                {
                    break;
                }
            }

            return status;
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            await lease.ReleaseAsync();
        }
    }

    private async Task HeartbeatAsync(CampaignLease lease, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_heartbeat, cancellationToken);
                await lease.RenewAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run ended.
        }
    }
}
