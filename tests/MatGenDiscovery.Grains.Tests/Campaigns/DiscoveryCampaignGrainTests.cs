using MatGenDiscovery.Grains.Campaigns;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Contracts.Families;
using MatGenDiscovery.Grains.Storage;
using MatGenDiscovery.Grains.Tests.Support;
using MatGenDiscovery.Storage.Blobs;
using MatGenDiscovery.Storage.Providers;

namespace MatGenDiscovery.Grains.Tests.Campaigns;

public sealed class DiscoveryCampaignGrainTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    public DiscoveryCampaignGrainTests() => SyntheticMaterials.Write(_data.Path);

    public void Dispose() => _data.Dispose();

    private async Task<(CampaignStatus Status, List<string> Csv)> RunToEndAsync(IBlobStore blobs, string id, CampaignConfig config)
    {
        await using var silo = TestSilo.Create(blobs, _data.Path);
        var status = await new CampaignRunner(silo, blobs).StartAsync(id, config);
        return (status, await CandidateFilesAsync(blobs, id));
    }

    private static async Task<List<string>> CandidateFilesAsync(IBlobStore blobs, string id)
    {
        var files = new List<string>();
        foreach (var item in await blobs.ListAsync($"candidates/{id}/"))
        {
            files.Add(CandidateCsv.Decompress((await blobs.GetAsync(item.Path))!.Content));
        }

        return files;
    }

    [Fact]
    public async Task RunRoundAsync_TinyCampaign_RecordsRoundsAndFindsHits()
    {
        var blobs = new InMemoryBlobStore();

        var (status, csv) = await RunToEndAsync(blobs, "c1", TinyCampaign.Config(rounds: 3));

        status.Phase.Should().Be(CampaignPhase.Completed);
        status.StopReason.Should().Be("round budget spent");
        status.Rounds.Select(r => r.Round).Should().Equal(1, 2, 3);
        csv.Should().HaveCount(3);
        status.Rounds.Should().OnlyContain(r => r.Experiments == 6 && r.Revealed == 6 && r.ValidityShare > 0 && r.ValidityShare < 1);
        status.Rounds.Should().OnlyContain(r => r.NoveltyShare > 0 && r.PredictorMae != null);
        status.Rounds[^1].CumulativeHits.Should().BeGreaterThan(0);
        status.Rounds[^1].CumulativeHits.Should().Be(status.Rounds.Sum(r => r.Hits));
        (await blobs.ExistsAsync(CampaignPaths.Experiment(status.ConfigHash))).Should().BeTrue();
    }

    [Fact]
    public async Task RunRoundAsync_Families_HoldEveryScoredCandidateOnce()
    {
        var blobs = new InMemoryBlobStore();
        await RunToEndAsync(blobs, "c1", TinyCampaign.Config(rounds: 2));
        var reader = new GrainStateReader(blobs);

        var keys = await reader.ListKeysAsync("candidatefamily", "c1/");
        var formulas = new List<string>();
        foreach (var key in keys)
        {
            var family = await reader.ReadJsonAsync("candidatefamily", key);
            formulas.AddRange(family!["candidates"]!.AsArray().Select(c => (string)c!["formula"]!));
        }

        keys.Should().NotBeEmpty();
        formulas.Should().OnlyHaveUniqueItems();
        var csvScored = (await CandidateFilesAsync(blobs, "c1"))
            .SelectMany(text => text.Split('\n').Skip(1).Where(l => l.Length > 0))
            .Count(line => line.Split(',')[3].Length == 0 && line.Split(',')[4] == "0");
        formulas.Should().HaveCount(csvScored);
    }

    [Fact]
    public async Task Resume_AfterCrashBeforeStateWrite_EndsWithSameCandidatesAndDigest()
    {
        var (reference, referenceCsv) = await RunToEndAsync(new InMemoryBlobStore(), "c1", TinyCampaign.Config(rounds: 3));
        var store = new InMemoryBlobStore();
        var faulty = new FaultyBlobStore(store);
        var silo = TestSilo.Create(faulty, _data.Path);
        var campaign = silo.GetGrain<IDiscoveryCampaignGrain>("c1");
        await campaign.StartAsync(TinyCampaign.Config(rounds: 3));
        await campaign.RunRoundAsync();
        faulty.FailNextWrite(path => path == "grains/campaign/c1.json");

        var crash = () => campaign.RunRoundAsync();

        await crash.Should().ThrowAsync<IOException>();
        (await CandidateFilesAsync(store, "c1")).Should().HaveCount(2, "round 2's candidate file was written before the crash");
        // The crashed silo is abandoned without deactivation; a new one takes over the same store.
        await using var second = TestSilo.Create(store, _data.Path);
        var resumed = await new CampaignRunner(second, store).ResumeAsync("c1");
        resumed.Phase.Should().Be(CampaignPhase.Completed);
        resumed.Rounds.Select(r => r.Round).Should().Equal(1, 2, 3);
        resumed.Digest.Should().Be(reference.Digest);
        (await CandidateFilesAsync(store, "c1")).Should().Equal(referenceCsv);
    }

    [Fact]
    public async Task Replay_CompletedCampaign_DigestMatches()
    {
        var blobs = new InMemoryBlobStore();
        var (original, _) = await RunToEndAsync(blobs, "c1", TinyCampaign.Config(rounds: 2));
        await using var silo = TestSilo.Create(blobs, _data.Path);

        var replay = await CampaignReplay.RunAsync(silo, blobs, "c1");

        replay.ReplayId.Should().Be("c1-replay-1");
        replay.Matches.Should().BeTrue();
        replay.ReplayDigest.Should().Be(original.Digest);
    }

    [Fact]
    public async Task RunRoundAsync_DifferentSeed_DifferentDigest()
    {
        var (a, _) = await RunToEndAsync(new InMemoryBlobStore(), "c1", TinyCampaign.Config(rounds: 1, seed: 1));
        var (b, _) = await RunToEndAsync(new InMemoryBlobStore(), "c1", TinyCampaign.Config(rounds: 1, seed: 2));

        a.Digest.Should().NotBe(b.Digest);
    }

    [Fact]
    public async Task RequestStopAsync_BeforeRound_StopsWithoutRunningAndResumeCompletes()
    {
        var blobs = new InMemoryBlobStore();
        await using var silo = TestSilo.Create(blobs, _data.Path);
        var campaign = silo.GetGrain<IDiscoveryCampaignGrain>("c1");
        await campaign.StartAsync(TinyCampaign.Config(rounds: 2));
        await campaign.RunRoundAsync();

        await campaign.RequestStopAsync();
        var stopped = await campaign.RunRoundAsync();

        stopped.Phase.Should().Be(CampaignPhase.Stopped);
        stopped.RoundsCompleted.Should().Be(1);
        var resumed = await new CampaignRunner(silo, blobs).ResumeAsync("c1");
        resumed.Phase.Should().Be(CampaignPhase.Completed);
        resumed.RoundsCompleted.Should().Be(2);
    }

    [Fact]
    public async Task GrainStateReader_WhileOwnerSiloHoldsCampaign_ReadsLastCompletedRound()
    {
        var blobs = new InMemoryBlobStore();
        await using var silo = TestSilo.Create(blobs, _data.Path);
        var campaign = silo.GetGrain<IDiscoveryCampaignGrain>("c1");
        await campaign.StartAsync(TinyCampaign.Config(rounds: 3));
        await campaign.RunRoundAsync();

        var state = await new GrainStateReader(blobs).ReadAsync<CampaignState>("campaign", "c1");

        state!.Rounds.Should().ContainSingle();
        state.Phase.Should().Be(CampaignPhase.Running);
        state.Digest.Should().Be((await campaign.GetStatusAsync()).Digest);
    }

    [Fact]
    public async Task StartAsync_ExistingIdWithOtherConfig_Throws()
    {
        await using var silo = TestSilo.Create(new InMemoryBlobStore(), _data.Path);
        var campaign = silo.GetGrain<IDiscoveryCampaignGrain>("c1");
        await campaign.StartAsync(TinyCampaign.Config(seed: 1));

        var act = () => campaign.StartAsync(TinyCampaign.Config(seed: 2));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*c1*already exists*");
    }

    [Fact]
    public async Task CampaignLease_HeldByLiveProcess_RefusesSecondRunner()
    {
        var blobs = new InMemoryBlobStore();
        var lease = new CampaignLease(blobs, "c1");
        await lease.AcquireAsync();

        var act = () => new CampaignLease(blobs, "c1").AcquireAsync();

        await act.Should().ThrowAsync<CampaignLeaseException>().WithMessage("*c1*running in process*");
    }

    [Fact]
    public async Task CampaignLease_StaleHeartbeat_IsTakenOver()
    {
        var blobs = new InMemoryBlobStore();
        var old = new LeaseRecord(Environment.ProcessId, Environment.MachineName, "t", DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5));
        await blobs.PutAsync(CampaignPaths.Lease("c1"), System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(old, GrainJson.Options));
        var lease = new CampaignLease(blobs, "c1", TimeSpan.FromSeconds(30));

        await lease.AcquireAsync();

        var stored = System.Text.Json.JsonSerializer.Deserialize<LeaseRecord>((await blobs.GetAsync(CampaignPaths.Lease("c1")))!.Content.Span, GrainJson.Options);
        stored!.Token.Should().Be(lease.Record.Token);
    }
}
