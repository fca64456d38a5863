using System.Globalization;
using System.Text.Json.Nodes;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Grains.Campaigns;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Families;
using MatGenDiscovery.Grains.Hosting;
using MatGenDiscovery.Grains.Storage;
using MatGenDiscovery.Storage.Blobs;
using MatGenDiscovery.Storage.Providers;

namespace MatGenDiscovery.Cli.Hosting;

/// <summary>
/// What the campaign, families and grains commands need, over one store folder. Running (start, resume, replay)
/// hosts an in-process silo that owns the campaign's activations for the duration of the command; everything else
/// (status, stop, families, grain queries) only reads or writes blobs, so it works from a second terminal while the
/// campaign runs elsewhere and never activates a grain there.
/// </summary>
public sealed class CampaignClient
{
    public const string DefaultStore = "runs/store";

    private readonly DataDirectory _data;
    private readonly GrainStateReader _reader;

    public CampaignClient(string? storeDirectory, DataDirectory data)
    {
        StoreDirectory = Path.GetFullPath(storeDirectory ?? DefaultStore);
        Blobs = new FileSystemBlobStore(StoreDirectory);
        _data = data;
        _reader = new GrainStateReader(Blobs);
    }

    public string StoreDirectory { get; }

    public IBlobStore Blobs { get; }

    /// <summary>A fresh id: the config name, a UTC timestamp and a random suffix.</summary>
    public static string NewCampaignId(CampaignConfig config)
    {
        var name = new string(config.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return $"{(name.Length == 0 ? "campaign" : name)}-{stamp}-{Guid.NewGuid().ToString("N")[..4]}";
    }

    public async Task<CampaignStatus> StartAsync(string campaignId, CampaignConfig config, Action<CampaignStatus> progress, CancellationToken cancellationToken)
    {
        await using var silo = DiscoveryGrains.CreateSilo(Blobs, DataFolder());
        return await new CampaignRunner(silo, Blobs).StartAsync(campaignId, config, progress, cancellationToken);
    }

    public async Task<CampaignStatus> ResumeAsync(string campaignId, Action<CampaignStatus> progress, CancellationToken cancellationToken)
    {
        await RequireAsync(campaignId, cancellationToken);
        await using var silo = DiscoveryGrains.CreateSilo(Blobs, DataFolder());
        return await new CampaignRunner(silo, Blobs).ResumeAsync(campaignId, progress, cancellationToken);
    }

    public async Task<ReplayResult> ReplayAsync(string campaignId, Action<CampaignStatus> progress, CancellationToken cancellationToken)
    {
        await RequireAsync(campaignId, cancellationToken);
        await using var silo = DiscoveryGrains.CreateSilo(Blobs, DataFolder());
        return await CampaignReplay.RunAsync(silo, Blobs, campaignId, progress, cancellationToken);
    }

    /// <summary>Writes the stop-request blob; the running campaign stops at its next stage boundary.</summary>
    public async Task RequestStopAsync(string campaignId, CancellationToken cancellationToken)
    {
        await RequireAsync(campaignId, cancellationToken);
        await Blobs.PutAsync(CampaignPaths.Stop(campaignId), "stop"u8.ToArray(), cancellationToken: cancellationToken);
    }

    /// <summary>The persisted status (as of the last completed round), plus whether a stop request is pending and who holds the lease.</summary>
    public async Task<(CampaignStatus Status, bool StopRequested, JsonNode? Lease)> GetStatusAsync(string campaignId, CancellationToken cancellationToken)
    {
        var state = await RequireAsync(campaignId, cancellationToken);
        var stop = await Blobs.ExistsAsync(CampaignPaths.Stop(campaignId), cancellationToken);
        var lease = await Blobs.GetAsync(CampaignPaths.Lease(campaignId), cancellationToken);
        return (state.ToStatus(campaignId), stop, lease is null ? null : JsonNode.Parse(lease.Content.Span));
    }

    /// <summary>The <paramref name="count"/> best-scoring candidates over all of a campaign's families; equal scores (e.g. several predicted inside a range) rank the more certain first.</summary>
    public async Task<IReadOnlyList<FamilyEntry>> TopCandidatesAsync(string campaignId, int count, CancellationToken cancellationToken)
    {
        await RequireAsync(campaignId, cancellationToken);
        var entries = new List<FamilyEntry>();
        foreach (var key in await _reader.ListKeysAsync("candidatefamily", campaignId + "/", cancellationToken))
        {
            var family = await _reader.ReadAsync<FamilyState>("candidatefamily", key, cancellationToken);
            if (family is null)
            {
                continue;
            }

            var system = CandidateFamilyGrain.SystemOfKey(key);
            entries.AddRange(family.Candidates.Select(c => new FamilyEntry(
                system, c, family.Confirmations.Where(x => x.Formula == c.Formula).ToList())));
        }

        return entries
            .OrderByDescending(e => e.Candidate.Score)
            .ThenBy(e => e.Candidate.Stds.Values.Sum())
            .ThenBy(e => e.Candidate.Formula, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    /// <summary>Any grain's stored state as JSON.</summary>
    /// <exception cref="CliException">The grain has no stored state.</exception>
    public async Task<JsonNode> QueryGrainAsync(string type, string key, CancellationToken cancellationToken) =>
        await _reader.ReadJsonAsync(type, key, cancellationToken)
        ?? throw new CliException($"grain {type}/{key} has no stored state in '{StoreDirectory}' (looked for {GrainStatePaths.For(type, key)})");

    private async Task<CampaignState> RequireAsync(string campaignId, CancellationToken cancellationToken) =>
        await _reader.ReadAsync<CampaignState>("campaign", campaignId, cancellationToken)
        ?? throw new CliException($"no campaign '{campaignId}' in store '{StoreDirectory}'");

    private string DataFolder() =>
        _data.Path ?? throw new CliException("cannot find the bundled data folder (data/elements.csv above the working directory); set MATGEN_DATA");
}
