using MatGenDiscovery.Grains.Contracts.Datasets;
using MatGenDiscovery.Grains.Tests.Support;
using MatGenDiscovery.Storage.Providers;

namespace MatGenDiscovery.Grains.Tests.Datasets;

public sealed class DatasetGrainTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    public DatasetGrainTests() => SyntheticMaterials.Write(_data.Path);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task LookupAsync_KnownInAnyNotation_ReturnsReducedFormulaAndValues()
    {
        await using var silo = TestSilo.Create(new InMemoryBlobStore(), _data.Path);
        var first = SyntheticMaterials.All[0];

        var found = await silo.GetGrain<IDatasetGrain>("mp").LookupAsync([first.Formula, "Xe2F4"]);

        found[0].Known.Should().BeTrue();
        found[0].Formula.Should().Be(first.ReducedFormula);
        found[0].Values["band_gap"].Should().BeApproximately(SyntheticMaterials.BandGap(first), 1e-12);
        found[1].Known.Should().BeFalse();
        found[1].Values.Should().BeEmpty();
    }

    [Fact]
    public async Task LookupAsync_CompositionOnlyInOracle_IsUnknownToTrainingSet()
    {
        await using var silo = TestSilo.Create(new InMemoryBlobStore(), _data.Path);
        var odd = SyntheticMaterials.All[1].ReducedFormula;

        var mp = await silo.GetGrain<IDatasetGrain>("mp").LookupAsync([odd]);
        var oqmd = await silo.GetGrain<IDatasetGrain>("oqmd").LookupAsync([odd]);

        mp[0].Known.Should().BeFalse();
        oqmd[0].Known.Should().BeTrue();
        oqmd[0].Values["formation_enthalpy"].Should().NotBeNull();
    }

    [Fact]
    public async Task GetSummaryAsync_SyntheticTable_CountsRowsAndProperties()
    {
        await using var silo = TestSilo.Create(new InMemoryBlobStore(), _data.Path);

        var summary = await silo.GetGrain<IDatasetGrain>("oqmd").GetSummaryAsync();

        summary.Rows.Should().Be(SyntheticMaterials.All.Count);
        summary.UniqueFormulas.Should().Be(SyntheticMaterials.All.Count);
        summary.Elements.Should().Be(SyntheticMaterials.Elements.Length);
        summary.Properties["band_gap"].Count.Should().Be(SyntheticMaterials.All.Count);
    }

    [Fact]
    public async Task GetSplitAsync_SameSeed_SameHeldOutSet()
    {
        await using var silo = TestSilo.Create(new InMemoryBlobStore(), _data.Path);
        var grain = silo.GetGrain<IDatasetGrain>("oqmd");

        var a = await grain.GetSplitAsync(0.2, 3);
        var b = await grain.GetSplitAsync(0.2, 3);
        var c = await grain.GetSplitAsync(0.2, 4);

        a.Should().Be(b);
        a.HeldOutCompositions.Should().Be((int)Math.Round(0.2 * SyntheticMaterials.All.Count, MidpointRounding.AwayFromZero));
        a.TrainRows.Should().Be(SyntheticMaterials.All.Count - a.HeldOutRows);
        c.HeldOutDigest.Should().NotBe(a.HeldOutDigest);
    }

    [Fact]
    public async Task SelectInRangeAsync_Range_ReturnsOnlyInRangeSeededSubset()
    {
        await using var silo = TestSilo.Create(new InMemoryBlobStore(), _data.Path);
        var grain = silo.GetGrain<IDatasetGrain>("mp");

        var all = await grain.SelectInRangeAsync("band_gap", 2.0, 4.0, int.MaxValue, 1);
        var some = await grain.SelectInRangeAsync("band_gap", 2.0, 4.0, 10, 1);
        var same = await grain.SelectInRangeAsync("band_gap", 2.0, 4.0, 10, 1);

        all.Should().NotBeEmpty().And.OnlyContain(k => k.Values["band_gap"] >= 2.0 && k.Values["band_gap"] <= 4.0);
        var expected = SyntheticMaterials.All.Where((c, i) => i % 2 == 0 && SyntheticMaterials.BandGap(c) is >= 2.0 and <= 4.0).Count();
        all.Should().HaveCount(expected);
        some.Should().HaveCount(10);
        some.Select(k => k.Formula).Should().BeSubsetOf(all.Select(k => k.Formula));
        some.Select(k => k.Formula).Should().Equal(same.Select(k => k.Formula));
    }
}
