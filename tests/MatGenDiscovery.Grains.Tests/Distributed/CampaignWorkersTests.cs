using System.Text.Json;
using MatGenDiscovery.Grains.Campaigns;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Distributed;
using MatGenDiscovery.Grains.Hosting;
using MatGenDiscovery.Grains.Tests.Support;
using MatGenDiscovery.Runtime.Hosting;
using MatGenDiscovery.Storage.Blobs;
using MatGenDiscovery.Storage.Providers;

namespace MatGenDiscovery.Grains.Tests.Distributed;

/// <summary>
/// The campaign host's batch path without a broker: a second silo built like a worker node stands in for the remote
/// workers, so the tests check the batching (order, slicing, purity) that the broker tests then run across processes.
/// </summary>
public sealed class CampaignWorkersTests : IDisposable
{
    private const string TinyMatGan = """
        { "name": "tiny-matgan", "seed": 3,
          "model": { "kind": "matgan", "network": "mlp", "latent_size": 8 },
          "data": { "dataset": "mp", "leave_out_fraction": 0.1 },
          "training": { "steps": 40, "batch_size": 16 } }
        """;

    private readonly TemporaryDirectory _data = new();

    public CampaignWorkersTests() => SyntheticMaterials.Write(_data.Path);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task RunAsync_BatchesOnAWorkerSilo_SameDigestAndCandidatesAsEmbedded()
    {
        var config = TinyCampaign.Config(rounds: 2) with
        {
            Generators =
            [
                TinyCampaign.Config().Generators[0],
                TinyCampaign.Config().Generators[0] with { Name = "random-b", MaxCount = 2, SamplesPerRound = 90 },
            ],
        };
        var embeddedBlobs = new InMemoryBlobStore();
        var distributedBlobs = new InMemoryBlobStore();
        await using var embedded = TestSilo.Create(embeddedBlobs, _data.Path);
        await using var worker = DiscoveryGrains.CreateWorkerSilo(distributedBlobs, _data.Path, new SiloOptions { CollectionAge = Timeout.InfiniteTimeSpan });
        await using var host = DiscoveryGrains.CreateSilo(
            distributedBlobs, _data.Path, new SiloOptions { CollectionAge = Timeout.InfiniteTimeSpan }, new CampaignWorkers(worker, ValidationBatchSize: 7));

        var expected = await new CampaignRunner(embedded, embeddedBlobs).StartAsync("c1", config);
        var actual = await new CampaignRunner(host, distributedBlobs).StartAsync("c1", config);

        actual.Digest.Should().Be(expected.Digest);
        actual.Rounds.Should().BeEquivalentTo(expected.Rounds, options => options.WithStrictOrdering());
        (await CandidateFilesAsync(distributedBlobs, "c1")).Should().Equal(await CandidateFilesAsync(embeddedBlobs, "c1"));
        worker.ActivationCount.Should().BeGreaterThanOrEqualTo(4, "two generation workers, one validation worker and their generator/validator grains ran on the worker silo");
    }

    [Fact]
    public async Task RunAsync_FineTunedModelGeneratorOnAWorkerSilo_SameDigestAsEmbedded()
    {
        var config = TinyCampaign.Config(rounds: 3) with
        {
            Generators =
            [
                new GeneratorConfig
                {
                    Name = "gan", Kind = "model", SamplesPerRound = 150, FineTuneSteps = 4, FineTuneBatchSize = 8,
                    Experiment = JsonDocument.Parse(TinyMatGan).RootElement,
                },
                TinyCampaign.Config().Generators[0],
            ],
        };
        var embeddedBlobs = new InMemoryBlobStore();
        var distributedBlobs = new InMemoryBlobStore();
        await using var embedded = TestSilo.Create(embeddedBlobs, _data.Path);
        await using var worker = DiscoveryGrains.CreateWorkerSilo(distributedBlobs, _data.Path);
        await using var host = DiscoveryGrains.CreateSilo(distributedBlobs, _data.Path, workers: new CampaignWorkers(worker, ValidationBatchSize: 30));

        var expected = await new CampaignRunner(embedded, embeddedBlobs).StartAsync("c1", config);
        var actual = await new CampaignRunner(host, distributedBlobs).StartAsync("c1", config);

        expected.Rounds.Sum(r => r.Hits).Should().BeGreaterThan(0, "hits make the host fine-tune, so later rounds sample a newer checkpoint");
        actual.Digest.Should().Be(expected.Digest);
        (await CandidateFilesAsync(distributedBlobs, "c1")).Should().Equal(await CandidateFilesAsync(embeddedBlobs, "c1"));
    }

    [Fact]
    public async Task WorkerSilo_AfterBatches_WritesNoGrainStateToTheBlobStore()
    {
        var blobs = new InMemoryBlobStore();
        await using var worker = DiscoveryGrains.CreateWorkerSilo(blobs, _data.Path);
        await using var host = DiscoveryGrains.CreateSilo(blobs, _data.Path, workers: new CampaignWorkers(worker, ValidationBatchSize: 50));

        await new CampaignRunner(host, blobs).StartAsync("c1", TinyCampaign.Config(rounds: 1));

        (await blobs.ListAsync("grains/generation-worker/")).Should().BeEmpty();
        (await blobs.ListAsync("grains/validation-worker/")).Should().BeEmpty();
        worker.Storage.Should().BeOfType<MatGenDiscovery.Runtime.Storage.InMemoryGrainStorage>()
            .Which.Count.Should().BeGreaterThan(0, "the worker's generator and validator keep their state in memory");
    }

    [Fact]
    public async Task CreateSilo_ZeroValidationBatchSize_ThrowsNamingIt()
    {
        await using var worker = DiscoveryGrains.CreateWorkerSilo(new InMemoryBlobStore(), _data.Path);

        var act = () => DiscoveryGrains.CreateSilo(new InMemoryBlobStore(), _data.Path, workers: new CampaignWorkers(worker, ValidationBatchSize: 0));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ValidationBatchSize*");
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
}
