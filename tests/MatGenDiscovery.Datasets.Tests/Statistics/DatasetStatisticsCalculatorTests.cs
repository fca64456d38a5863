using MatGenDiscovery.Chemistry.Validity;
using MatGenDiscovery.Datasets.Loading;
using MatGenDiscovery.Datasets.Statistics;

namespace MatGenDiscovery.Datasets.Tests.Statistics;

public class DatasetStatisticsCalculatorTests
{
    private static Dataset Small()
    {
        using var files = new TestFiles();
        var path = files.Write("s.csv",
            "formula,e\nFe2O3,1\nFe4O6,3\nNaCl,\nLiFePO4,2\nAg0.5Ge1Pb1.75S4,10\nMg149Ti,-1\nCu,4\nbad(,0\n");
        return DatasetLoader.LoadFile(path, "s", "formula", ["e"]);
    }

    [Fact]
    public void Compute_SmallTable_CountsUniqueReducedFormulasAndArity()
    {
        var stats = DatasetStatisticsCalculator.Compute(Small());

        stats.Rows.Should().Be(7);
        stats.Errors.Should().Be(1);
        stats.UniqueFormulas.Should().Be(6, "Fe4O6 reduces to Fe2O3");
        stats.ArityHistogram.Should().Equal(new Dictionary<int, int> { [1] = 1, [2] = 3, [4] = 2 });
        stats.Elements.Should().Equal("Li", "O", "Na", "Mg", "P", "S", "Cl", "Ti", "Fe", "Cu", "Ge", "Ag", "Pb");
        stats.MaxCount.Should().Be(149);
        stats.MaxCountFormula.Should().Be("Mg149Ti");
        stats.NonIntegralFormulas.Should().Be(1);
    }

    [Fact]
    public void Compute_PropertyColumn_SummarisesNonEmptyCells()
    {
        var summary = DatasetStatisticsCalculator.Compute(Small()).Properties["e"];

        summary.Count.Should().Be(6);
        summary.Min.Should().Be(-1);
        summary.Max.Should().Be(10);
        summary.Median.Should().Be(2.5);
    }

    [Fact]
    public void Compute_WithValidity_ReportsSharesOverUniqueCompositions()
    {
        var validator = new SmactValidator();
        var dataset = Small();
        var stats = DatasetStatisticsCalculator.Compute(dataset, validator);

        // Fe2O3, NaCl, LiFePO4, Ag2Ge4Pb7S16 and the unary Cu are neutral; Mg149Ti (alloys off) is not.
        var unique = dataset.Rows.Select(r => r.Composition).Distinct().ToList();
        unique.Count(c => validator.Check(c).ChargeNeutral).Should().Be(5);
        stats.Validity!.OxidationStateSet.Should().Be("smact14");
        stats.Validity.ChargeNeutral.Should().BeApproximately(5.0 / 6, 1e-12);
        stats.Validity.ElectronegativityBalanced.Should().BeApproximately(
            unique.Count(c => validator.Check(c).ElectronegativityBalanced) / 6.0, 1e-12);
    }

    [Fact]
    public void Compute_BundledMpRoost_MatchesDataReadme()
    {
        var stats = DatasetStatisticsCalculator.Compute(DatasetLoader.Load(TestFiles.RepositoryData, "mp"));

        stats.Rows.Should().Be(84_295);
        stats.UniqueFormulas.Should().Be(84_295);
        stats.Elements.Should().HaveCount(86);
        ((double)stats.ArityHistogram[2] / stats.UniqueFormulas).Should().BeApproximately(0.117, 0.0005);
        ((double)stats.ArityHistogram[3] / stats.UniqueFormulas).Should().BeApproximately(0.482, 0.0005);
        stats.ArityHistogram.Keys.Max().Should().Be(9);
        stats.MaxCount.Should().Be(149);
        stats.Properties["formation_energy_per_atom"].Min!.Value.Should().BeApproximately(-4.612, 0.0005);
        stats.Properties["formation_energy_per_atom"].Median!.Value.Should().BeApproximately(-1.259, 0.0005);
        stats.Properties["band_gap"].Max!.Value.Should().BeApproximately(9.061, 0.0005);
    }

    [Fact]
    public void Compute_BundledOqmdRoost_RecoversIntegersFromRoundedFractions()
    {
        var stats = DatasetStatisticsCalculator.Compute(DatasetLoader.Load(TestFiles.RepositoryData, "oqmd-roost"));

        stats.UniqueFormulas.Should().Be(25_662);
        stats.Elements.Should().HaveCount(85);
        stats.NonIntegralFormulas.Should().Be(0);
        // data/README.md says 145; Mg0.993300Cu0.006700 (and 9 others) need m = 149: 1/149 and 148/149 round to
        // 0.0067 and 0.9933, and no smaller m fits, so the reduced formula is Mg148Cu.
        stats.MaxCount.Should().Be(148);
        stats.MaxCountFormula.Should().Be("Mg148Cu");
        stats.ArityHistogram.Keys.Max().Should().Be(6);
    }

    [Fact]
    public void Of_EmptyValues_HasNullRange()
    {
        PropertySummary.Of([]).Should().Be(new PropertySummary(0, null, null, null));
    }
}
