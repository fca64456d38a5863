using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Contracts.Datasets;
using MatGenDiscovery.Grains.Contracts.Families;
using MatGenDiscovery.Grains.Contracts.Generators;
using MatGenDiscovery.Grains.Contracts.Validation;
using MatGenDiscovery.Grains.Distributed;
using MatGenDiscovery.Grains.Storage;
using MatGenDiscovery.Runtime;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>
/// Runs the active-learning loop one round per call. A round works on locals only and commits everything (metrics,
/// labels, hits, generator steps, digest) in one ETag-guarded state write at its end, after the round's candidate
/// file; side effects before that (checkpoints, family merges, the candidate file) are deterministic and idempotent,
/// so a round interrupted anywhere (crash, stop request) is simply run again with the same result. With
/// <see cref="CampaignWorkers"/>, generation and validation run as batches on worker nodes instead of in process.
/// </summary>
public sealed class DiscoveryCampaignGrain(IBlobStore blobs, CampaignWorkers? workers = null) : Grain<CampaignState>, IDiscoveryCampaignGrain
{
    private volatile CampaignStatus? _status;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _status = BuildStatus();
        return Task.CompletedTask;
    }

    public async Task<CampaignStatus> StartAsync(CampaignConfig config)
    {
        var hash = CampaignConfigSerializer.Hash(config);
        if (State.Config is not null)
        {
            return State.ConfigHash == hash
                ? BuildStatus()
                : throw new InvalidOperationException($"campaign '{GetPrimaryKeyString()}' already exists with config {State.ConfigHash[..12]} ('{State.Config.Name}'), not {hash[..12]} ('{config.Name}')");
        }

        await StoreConfigAsync(config, hash);
        State.Config = config;
        State.ConfigHash = hash;
        State.Phase = CampaignPhase.Running;
        State.Digest = hash;
        await CommitAsync();
        return BuildStatus();
    }

    public async Task<CampaignStatus> RunRoundAsync()
    {
        var config = State.Config ?? throw new InvalidOperationException($"campaign '{GetPrimaryKeyString()}' has no config: start it first");
        if (State.Phase == CampaignPhase.Completed)
        {
            return BuildStatus();
        }

        var outcome = await new CampaignRound(this, config, State.Rounds.Count + 1).RunAsync();
        if (outcome is null)
        {
            State.Phase = CampaignPhase.Stopped;
            State.StopReason = "stop requested";
            await CommitAsync();
            return BuildStatus();
        }

        Apply(outcome, config);
        await CommitAsync();
        return BuildStatus();
    }

    public Task<CampaignStatus> GetStatusAsync() => Task.FromResult(_status ?? BuildStatus());

    public async Task RequestStopAsync() => await blobs.PutAsync(CampaignPaths.Stop(GetPrimaryKeyString()), "stop"u8.ToArray());

    internal IBlobStore Blobs => blobs;

    internal IGrainFactory Grains => GrainFactory;

    /// <summary>Remote workers for generation and validation batches; null in the embedded default.</summary>
    internal CampaignWorkers? Workers => workers;

    internal string Id => GetPrimaryKeyString();

    internal CampaignState Current => State;

    internal async Task<bool> StopRequestedAsync() => await blobs.ExistsAsync(CampaignPaths.Stop(Id));

    private void Apply(RoundOutcome outcome, CampaignConfig config)
    {
        State.Rounds.Add(outcome.Metrics);
        State.Seen.AddRange(outcome.NewFormulas);
        State.Labels.AddRange(outcome.Labels);
        State.Hits.AddRange(outcome.Hits);
        State.GeneratorSteps = new Dictionary<string, int>(outcome.GeneratorSteps);
        State.BestRevealedScore = outcome.Metrics.BestRevealedScore;
        State.BestRevealedFormula = outcome.Metrics.BestRevealedFormula;
        State.RoundsWithoutImprovement = outcome.Metrics.Improved ? 0 : State.RoundsWithoutImprovement + 1;
        State.Digest = ChainDigest(State.Digest, outcome.CandidateCsv, outcome.Metrics);
        State.Phase = CampaignPhase.Running;
        State.StopReason = null;
        if (State.Rounds.Count >= config.Budget.Rounds)
        {
            State.Phase = CampaignPhase.Completed;
            State.StopReason = "round budget spent";
        }
        else if (config.Budget.Patience is { } patience && State.RoundsWithoutImprovement >= patience)
        {
            State.Phase = CampaignPhase.Completed;
            State.StopReason = $"no better revealed score for {patience} rounds";
        }
    }

    /// <summary>SHA-256 of (previous digest, round CSV text, round metrics JSON), lower-case hex.</summary>
    public static string ChainDigest(string previous, string candidateCsv, RoundMetrics metrics)
    {
        var text = $"{previous}\n{candidateCsv}\n{JsonSerializer.Serialize(metrics, GrainJson.Options)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private async Task StoreConfigAsync(CampaignConfig config, string hash)
    {
        var json = Encoding.UTF8.GetBytes(CampaignConfigSerializer.ToIndentedJson(config));
        try
        {
            await blobs.PutAsync(CampaignPaths.Experiment(hash), json, BlobCondition.IfNotExists);
        }
        catch (BlobConditionFailedException)
        {
            var stored = await blobs.GetAsync(CampaignPaths.Experiment(hash));
            if (stored is null || !stored.Content.Span.SequenceEqual(json))
            {
                throw new InvalidOperationException($"'{CampaignPaths.Experiment(hash)}' holds a different config than this campaign's");
            }
        }
    }

    private async Task CommitAsync()
    {
        await WriteStateAsync();
        _status = BuildStatus();
    }

    private CampaignStatus BuildStatus() => State.ToStatus(GetPrimaryKeyString());

    /// <summary>The allowed element pool of random generators: MatGAN's 85 elements minus the forbidden ones.</summary>
    internal static IReadOnlyList<string> ElementPool(ConstraintConfig constraints) =>
        ElementSets.MatGan85.Select(e => e.Symbol).Except(constraints.ForbiddenElements).ToList();
}
