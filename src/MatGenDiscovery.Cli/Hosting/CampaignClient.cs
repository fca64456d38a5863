using System.Globalization;
using System.Text.Json.Nodes;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Grains.Campaigns;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Distributed;
using MatGenDiscovery.Grains.Families;
using MatGenDiscovery.Grains.Hosting;
using MatGenDiscovery.Grains.Storage;
using MatGenDiscovery.Runtime.Broker;
using MatGenDiscovery.Runtime.Broker.Transport;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Cli.Hosting;

/// <summary>
/// What the campaign, families and grains commands need, over one blob store (<see cref="BlobStoreLocation"/>).
/// Running (start, resume, replay) hosts an in-process silo that owns the campaign's activations for the duration of
/// the command — with a broker, the campaign host, whose generation and validation batches run on <c>matgen silo</c>
/// workers; everything else (status, stop, families, grain queries) only reads or writes blobs, so it works from a
/// second terminal while the campaign runs elsewhere and never activates a grain there. The store is opened on first
/// use, so a command that fails its checks first leaves no folder behind.
/// </summary>
public sealed class CampaignClient
{
    public const string DefaultStore = "runs/store";

    /// <summary>Candidates per validation batch sent to workers.</summary>
    public const int DefaultValidationBatchSize = 250;

    /// <summary>How long the campaign host waits for one batch's reply (queueing included).</summary>
    public static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(30);

    private readonly DataDirectory _data;
    private readonly Lazy<IBlobStore> _blobs;

    /// <param name="store">A <see cref="BlobStoreLocation"/>: folder, <c>fs:DIR</c> or <c>azure:CONNECTION</c>.</param>
    public CampaignClient(string? store, DataDirectory data)
    {
        Location = BlobStoreLocation.Parse(store);
        _blobs = new Lazy<IBlobStore>(Location.Open);
        _data = data;
    }

    public BlobStoreLocation Location { get; }

    /// <summary>The store's folder, or <c>azure:ACCOUNT/CONTAINER</c>; safe to print.</summary>
    public string StoreDirectory => Location.Description;

    public IBlobStore Blobs => _blobs.Value;

    private GrainStateReader Reader => new(Blobs);

    /// <summary>A fresh id: the config name, a UTC timestamp and a random suffix.</summary>
    public static string NewCampaignId(CampaignConfig config)
    {
        var name = new string(config.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return $"{(name.Length == 0 ? "campaign" : name)}-{stamp}-{Guid.NewGuid().ToString("N")[..4]}";
    }

    /// <param name="broker">Send generation and validation batches to workers through this broker; null runs them in process.</param>
    /// <exception cref="CliException">The broker is unreachable or refused the credentials, or a batch failed or timed out on the workers.</exception>
    /// <exception cref="InvalidDataException">A checkpoint named by the config cannot be loaded.</exception>
    public async Task<CampaignStatus> StartAsync(
        string campaignId, CampaignConfig config, Action<CampaignStatus> progress, CancellationToken cancellationToken,
        BrokerOptions? broker = null, int validationBatchSize = DefaultValidationBatchSize)
    {
        var dataFolder = DataFolder();
        CampaignPreflight.Check(config);
        await using var client = await ConnectAsync(broker, cancellationToken);
        await using var silo = DiscoveryGrains.CreateSilo(Blobs, dataFolder, workers: Workers(client, validationBatchSize));
        return await RemoteFailuresAsUserErrorsAsync(() => new CampaignRunner(silo, Blobs).StartAsync(campaignId, config, progress, cancellationToken));
    }

    /// <inheritdoc cref="StartAsync" path="/param[@name='broker']"/>
    public async Task<CampaignStatus> ResumeAsync(
        string campaignId, Action<CampaignStatus> progress, CancellationToken cancellationToken,
        BrokerOptions? broker = null, int validationBatchSize = DefaultValidationBatchSize)
    {
        var dataFolder = DataFolder();
        await using var client = await ConnectAsync(broker, cancellationToken);
        await RequireAsync(campaignId, cancellationToken);
        await using var silo = DiscoveryGrains.CreateSilo(Blobs, dataFolder, workers: Workers(client, validationBatchSize));
        return await RemoteFailuresAsUserErrorsAsync(() => new CampaignRunner(silo, Blobs).ResumeAsync(campaignId, progress, cancellationToken));
    }

    /// <summary>A broker client for the worker grains, or null without a broker.</summary>
    /// <exception cref="CliException">The broker is unreachable or refused the credentials.</exception>
    public static async Task<BrokerClient?> ConnectAsync(BrokerOptions? broker, CancellationToken cancellationToken)
    {
        if (broker is null)
        {
            return null;
        }

        try
        {
            return await BrokerClient.StartAsync(broker with { RequestTimeout = BatchTimeout }, DistributedCatalog.Create(), cancellationToken);
        }
        catch (BrokerConnectionException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    private static CampaignWorkers? Workers(BrokerClient? client, int validationBatchSize)
    {
        if (validationBatchSize < 1)
        {
            throw new CliException($"--batch-size {validationBatchSize} must be at least 1");
        }

        return client is null ? null : new CampaignWorkers(client, validationBatchSize);
    }

    private static async Task<T> RemoteFailuresAsUserErrorsAsync<T>(Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is RemoteGrainException or TimeoutException)
        {
            throw new CliException(ex.Message.ReplaceLineEndings(" "));
        }
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
        foreach (var key in await Reader.ListKeysAsync("candidatefamily", campaignId + "/", cancellationToken))
        {
            var family = await Reader.ReadAsync<FamilyState>("candidatefamily", key, cancellationToken);
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
        await Reader.ReadJsonAsync(type, key, cancellationToken)
        ?? throw new CliException($"grain {type}/{key} has no stored state in '{StoreDirectory}' (looked for {GrainStatePaths.For(type, key)})");

    private async Task<CampaignState> RequireAsync(string campaignId, CancellationToken cancellationToken) =>
        await Reader.ReadAsync<CampaignState>("campaign", campaignId, cancellationToken)
        ?? throw new CliException($"no campaign '{campaignId}' in store '{StoreDirectory}'");

    private string DataFolder() =>
        _data.Path ?? throw new CliException("cannot find the bundled data folder (data/elements.csv above the working directory); set MATGEN_DATA");
}
