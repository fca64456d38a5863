using MatGenDiscovery.Grains.Contracts.Generators;
using MatGenDiscovery.Grains.Generators;
using MatGenDiscovery.Grains.Tests.Support;
using MatGenDiscovery.Storage.Providers;

namespace MatGenDiscovery.Grains.Tests.Generators;

public sealed class GeneratorGrainTests : IDisposable
{
    private const string TinyMatGan = """
        { "name": "tiny-matgan", "seed": 3,
          "model": { "kind": "matgan", "network": "mlp", "latent_size": 8 },
          "data": { "dataset": "mp", "leave_out_fraction": 0.1 },
          "training": { "steps": 40, "batch_size": 16 } }
        """;

    private readonly TemporaryDirectory _data = new();

    public GeneratorGrainTests() => SyntheticMaterials.Write(_data.Path);

    public void Dispose() => _data.Dispose();

    private static GeneratorSpec ModelSpec() => new("model", TinyMatGan, null, null, [], [], 8, 8);

    [Fact]
    public async Task PrepareAsync_ModelSpec_TrainsAndStoresCheckpointAndPretrainedCache()
    {
        var blobs = new InMemoryBlobStore();
        await using var silo = TestSilo.Create(blobs, _data.Path);

        var status = await silo.GetGrain<IGeneratorGrain>("c1.gan").PrepareAsync(ModelSpec());

        status.Step.Should().Be(40);
        status.ModelKind.Should().Be("matgan");
        status.Conditional.Should().BeFalse();
        (await blobs.ExistsAsync(CheckpointPaths.For("c1.gan", 40))).Should().BeTrue();
        (await blobs.ListAsync("checkpoints/pretrained-")).Should().ContainSingle();
    }

    [Fact]
    public async Task GenerateAsync_SameRequestInFreshSilo_SameFormulas()
    {
        var blobs = new InMemoryBlobStore();
        CandidateBatch first;
        await using (var silo = TestSilo.Create(blobs, _data.Path))
        {
            var generator = silo.GetGrain<IGeneratorGrain>("c1.gan");
            await generator.PrepareAsync(ModelSpec());
            first = await generator.GenerateAsync(new CandidateRequest(256, 11, 40, null));
        }

        await using var second = TestSilo.Create(blobs, _data.Path);
        var again = await second.GetGrain<IGeneratorGrain>("c1.gan").GenerateAsync(new CandidateRequest(256, 11, 40, null));

        first.Generated.Should().Be(256);
        first.Formulas.Should().NotBeEmpty();
        again.Formulas.Should().Equal(first.Formulas);
    }

    [Fact]
    public async Task FineTuneAsync_FromStep_WritesNextCheckpointDeterministically()
    {
        var blobs = new InMemoryBlobStore();
        await using var silo = TestSilo.Create(blobs, _data.Path);
        var generator = silo.GetGrain<IGeneratorGrain>("c1.gan");
        await generator.PrepareAsync(ModelSpec());
        var request = new FineTuneRequest(40, ["Li2O", "MgO"], [0, 0], 2, 4, 99);

        var tuned = await generator.FineTuneAsync(request);
        var bytes = (await blobs.GetAsync(CheckpointPaths.For("c1.gan", 42)))!.Content.ToArray();
        var again = await generator.FineTuneAsync(request);

        tuned.Step.Should().Be(42);
        tuned.Checkpoints.Should().Equal(40, 42);
        again.Step.Should().Be(42);
        (await blobs.GetAsync(CheckpointPaths.For("c1.gan", 42)))!.Content.ToArray().Should().Equal(bytes);
    }

    [Fact]
    public async Task GenerateAsync_RandomKind_RespectsPoolRequiredAndArity()
    {
        await using var silo = TestSilo.Create(new InMemoryBlobStore(), _data.Path);
        var generator = silo.GetGrain<IGeneratorGrain>("c1.rnd");
        await generator.PrepareAsync(new GeneratorSpec("random", null, null, null, ["Li", "Na", "O", "S"], ["O"], 3, 4));

        var batch = await generator.GenerateAsync(new CandidateRequest(200, 5, 0, null));

        batch.Formulas.Should().NotBeEmpty();
        foreach (var formula in batch.Formulas)
        {
            var composition = MatGenDiscovery.Chemistry.Compositions.Composition.Parse(formula);
            composition.Elements.Select(e => e.Symbol).Should().Contain("O").And.BeSubsetOf(["Li", "Na", "O", "S"]);
            composition.Arity.Should().BeInRange(2, 3);
        }
    }
}
