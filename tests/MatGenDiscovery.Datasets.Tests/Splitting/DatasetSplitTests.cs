using MatGenDiscovery.Datasets.Loading;
using MatGenDiscovery.Datasets.Splitting;

namespace MatGenDiscovery.Datasets.Tests.Splitting;

public class DatasetSplitTests
{
    private static readonly Dataset Polymorphs = Load();

    private static Dataset Load()
    {
        using var files = new TestFiles();
        var lines = new List<string> { "formula,e" };
        var formulas = new[] { "Fe2O3", "NaCl", "TiO2", "MgO", "LiFePO4", "CaTiO3", "SiO2", "ZnS", "GaAs", "Al2O3" };
        for (var copy = 1; copy <= 3; copy++)
        {
            lines.AddRange(formulas.Select((f, i) => $"{f},{copy * 10 + i}"));
        }

        lines.Add("Ti2O4,99");
        return DatasetLoader.LoadFile(files.Write("p.csv", string.Join("\n", lines)), "p", "formula", ["e"]);
    }

    [Fact]
    public void LeaveOut_SameSeed_GivesSameSplit()
    {
        var a = DatasetSplit.LeaveOut(Polymorphs, 0.3, seed: 7);
        var b = DatasetSplit.LeaveOut(Polymorphs, 0.3, seed: 7);

        a.Test.Rows.Select(r => r.LineNumber).Should().Equal(b.Test.Rows.Select(r => r.LineNumber));
    }

    [Fact]
    public void LeaveOut_Fraction_HoldsOutWholeCompositions()
    {
        var split = DatasetSplit.LeaveOut(Polymorphs, 0.3, seed: 1);

        var testKeys = split.Test.Rows.Select(r => r.Composition.Key).ToHashSet();
        testKeys.Should().HaveCount(3, "30% of 10 unique reduced compositions");
        split.Train.Rows.Should().NotContain(r => testKeys.Contains(r.Composition.Key), "Ti2O4 reduces to TiO2 and must follow it");
        (split.Train.Rows.Count + split.Test.Rows.Count).Should().Be(Polymorphs.Rows.Count);
        split.Test.Name.Should().Be("p/test");
    }

    [Fact]
    public void LeaveOut_DifferentSeeds_GiveDifferentSplits()
    {
        var splits = Enumerable.Range(0, 5)
            .Select(seed => string.Join(",", DatasetSplit.LeaveOut(Polymorphs, 0.5, seed).Test.Rows.Select(r => r.LineNumber)))
            .ToHashSet();

        splits.Count.Should().BeGreaterThan(1);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void LeaveOut_BadFraction_Throws(double fraction)
    {
        var act = () => DatasetSplit.LeaveOut(Polymorphs, fraction, 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*between 0 and 1*");
    }
}
