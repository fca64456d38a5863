using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Datasets.Loading;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.Training;

namespace MatGenDiscovery.Models.Tests.Generative.Training;

public class TrainingSetFilterTests
{
    private static readonly string Outsider = ElementTable.Default
        .First(e => e.AtomicNumber < 90 && !ElementSets.MatGan85.Contains(e) && e.Symbol != "O").Symbol;

    private static Dataset Table(params (string Formula, double? Gap)[] rows) => new(
        "toy", ["band_gap"],
        rows.Select((r, i) => new DatasetRow(i + 2, r.Formula, Composition.Parse(r.Formula), [r.Gap])).ToArray(), []);

    [Fact]
    public void Apply_BandGapRange_KeepsRowsInsideAndCountsReasons()
    {
        var dataset = Table(("NaCl", 5.0), ("Fe2O3", 2.0), ("Cu", 0.0), ("MgO", null), ("ZnO", 3.0));
        var filter = new DataFilterConfig { Properties = [new PropertyRange { Name = "band_gap", Min = 1, Max = 4 }] };

        var (rows, report) = TrainingSetFilter.Apply(dataset, filter, countMatrixLimits: false, targetProperty: null);

        rows.Select(r => r.Formula).Should().Equal("Fe2O3", "ZnO");
        report.Kept.Should().Be(2);
        report.Dropped.Should().ContainKey("band_gap outside [1, 4]").WhoseValue.Should().Be(2);
        report.Dropped.Should().ContainKey("no band_gap").WhoseValue.Should().Be(1);
    }

    [Fact]
    public void Apply_CountMatrixLimits_DropsLargeCountsOutsidersAndDuplicates()
    {
        var dataset = Table(("Fe2O3", 1), ("Fe4O6", 1), ("Mg149Ti", 0), ($"{Outsider}O2", 1), ("Li2O", 1));

        var (rows, report) = TrainingSetFilter.Apply(dataset, new DataFilterConfig(), countMatrixLimits: true, targetProperty: null);

        rows.Select(r => r.Formula).Should().Equal("Fe2O3", "Li2O");
        report.Dropped.Should().HaveCount(3).And.ContainKey("duplicate composition").And.ContainKey("reduced count above 8")
            .And.ContainKey("element outside MatGAN's 85");
    }

    [Fact]
    public void Apply_ValidOnlyAndMaxArity_DropInvalidAndLargeCompositions()
    {
        var dataset = Table(("NaCl", 1), ("NaCl2", 1), ("LiFePO4", 1), ("Fe3O4", 1));
        var filter = new DataFilterConfig { ValidOnly = true, MaxArity = 3 };

        var (rows, report) = TrainingSetFilter.Apply(dataset, filter, countMatrixLimits: false, targetProperty: null);

        rows.Select(r => r.Formula).Should().Equal("NaCl");
        report.Dropped["not SMACT-valid (smact14)"].Should().Be(2);
        report.Dropped["more than 3 elements"].Should().Be(1);
    }

    [Fact]
    public void Apply_TargetProperty_DropsRowsWithoutIt()
    {
        var dataset = Table(("NaCl", 1), ("KCl", null));

        var (rows, report) = TrainingSetFilter.Apply(dataset, new DataFilterConfig(), countMatrixLimits: false, targetProperty: "band_gap");

        rows.Should().ContainSingle().Which.Formula.Should().Be("NaCl");
        report.ToString().Should().Contain("1 no band_gap");
    }
}
