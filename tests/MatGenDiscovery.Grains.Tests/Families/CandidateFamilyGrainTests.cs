using MatGenDiscovery.Grains.Contracts.Families;
using MatGenDiscovery.Grains.Families;
using MatGenDiscovery.Grains.Storage;
using MatGenDiscovery.Runtime.Hosting;
using MatGenDiscovery.Storage.Providers;

namespace MatGenDiscovery.Grains.Tests.Families;

public sealed class CandidateFamilyGrainTests
{
    private static FamilyCandidate Candidate(string formula, double score, string generator, int round) =>
        new(formula, score, new Dictionary<string, double> { ["band_gap"] = score }, new Dictionary<string, double> { ["band_gap"] = 0.1 }, [generator], round);

    private static Silo NewSilo(InMemoryBlobStore blobs) =>
        new(new GrainTypeRegistry().Add<ICandidateFamilyGrain, CandidateFamilyGrain>(), new BlobGrainStorage(blobs));

    [Fact]
    public async Task MergeAsync_SameFormulaTwice_KeepsOneWithFirstRoundAndBothGenerators()
    {
        await using var silo = NewSilo(new InMemoryBlobStore());
        var family = silo.GetGrain<ICandidateFamilyGrain>("c1/Li-O");

        await family.MergeAsync(new FamilyUpdate(1, [Candidate("Li2O", 1.0, "matgan", 1)], []));
        var snapshot = await family.MergeAsync(new FamilyUpdate(2, [Candidate("Li2O", 5.0, "random", 2)], []));

        snapshot.Candidates.Should().ContainSingle();
        snapshot.Candidates[0].Round.Should().Be(1);
        snapshot.Candidates[0].Score.Should().Be(1.0);
        snapshot.Candidates[0].Generators.Should().Equal("matgan", "random");
        snapshot.ChemicalSystem.Should().Be("Li-O");
    }

    [Fact]
    public async Task MergeAsync_SeveralCandidates_BestIsHighestScore()
    {
        await using var silo = NewSilo(new InMemoryBlobStore());
        var family = silo.GetGrain<ICandidateFamilyGrain>("c1/Li-O");

        var snapshot = await family.MergeAsync(new FamilyUpdate(1,
            [Candidate("Li2O", 1.0, "g", 1), Candidate("LiO2", 3.0, "g", 1), Candidate("Li2O2", 2.0, "g", 1)], []));

        snapshot.Best!.Formula.Should().Be("LiO2");
        snapshot.Candidates.Select(c => c.Formula).Should().Equal("LiO2", "Li2O2", "Li2O");
    }

    [Fact]
    public async Task MergeAsync_RepeatedUpdate_IsIdempotentAndWritesNothing()
    {
        var blobs = new InMemoryBlobStore();
        await using var silo = NewSilo(blobs);
        var family = silo.GetGrain<ICandidateFamilyGrain>("c1/Li-O");
        var update = new FamilyUpdate(1, [Candidate("Li2O", 1.0, "g", 1)], [new Confirmation("Li2O", "band_gap", 2.5, "oqmd", 1, true)]);
        await family.MergeAsync(update);
        var etag = (await blobs.GetAsync("grains/candidatefamily/c1/Li-O.json"))!.Properties.ETag;

        var snapshot = await family.MergeAsync(update);

        snapshot.Candidates.Should().ContainSingle();
        snapshot.Confirmations.Should().ContainSingle().Which.Hit.Should().BeTrue();
        (await blobs.GetAsync("grains/candidatefamily/c1/Li-O.json"))!.Properties.ETag.Should().Be(etag);
    }

    [Fact]
    public async Task GetSnapshotAsync_NewSiloOnSameStore_SeesPersistedFamily()
    {
        var blobs = new InMemoryBlobStore();
        await using (var silo = NewSilo(blobs))
        {
            await silo.GetGrain<ICandidateFamilyGrain>("c1/Li-O").MergeAsync(new FamilyUpdate(1, [Candidate("Li2O", 1.0, "g", 1)], []));
        }

        await using var second = NewSilo(blobs);
        var snapshot = await second.GetGrain<ICandidateFamilyGrain>("c1/Li-O").GetSnapshotAsync();

        snapshot.Candidates.Select(c => c.Formula).Should().Equal("Li2O");
    }
}
