using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Storage;
using MatGenDiscovery.Runtime;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>
/// Reruns a finished campaign from its stored config and seed as a new campaign (<c>&lt;id&gt;-replay-&lt;n&gt;</c>)
/// and compares the result digests (SHA-256 chain over every round's canonical candidate CSV and metrics).
/// </summary>
public static class CampaignReplay
{
    /// <exception cref="InvalidOperationException">The campaign does not exist or has not completed.</exception>
    public static async Task<ReplayResult> RunAsync(
        IGrainFactory grains, IBlobStore blobs, string campaignId, Action<CampaignStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        var original = await new GrainStateReader(blobs).ReadAsync<CampaignState>("campaign", campaignId, cancellationToken)
            ?? throw new InvalidOperationException($"no campaign '{campaignId}' in the store");
        if (original.Phase != CampaignPhase.Completed || original.Config is null)
        {
            throw new InvalidOperationException($"campaign '{campaignId}' is {original.Phase.ToString().ToLowerInvariant()}, not completed: resume it before replaying");
        }

        var replayId = await FreeIdAsync(blobs, campaignId, cancellationToken);
        var status = await new CampaignRunner(grains, blobs).StartAsync(replayId, original.Config, progress, cancellationToken);
        return new ReplayResult(campaignId, replayId, original.Digest, status.Digest, original.Digest == status.Digest, status);
    }

    private static async Task<string> FreeIdAsync(IBlobStore blobs, string campaignId, CancellationToken cancellationToken)
    {
        for (var n = 1; ; n++)
        {
            var id = $"{campaignId}-replay-{n}";
            if (!await blobs.ExistsAsync(GrainStatePaths.For("campaign", id), cancellationToken))
            {
                return id;
            }
        }
    }
}
