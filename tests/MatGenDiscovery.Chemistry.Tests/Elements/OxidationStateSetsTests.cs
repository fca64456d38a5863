using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Chemistry.Tests.Elements;

public class OxidationStateSetsTests
{
    [Theory]
    [InlineData("smact14", OxidationStateSet.Smact14, "smact_default_2014")]
    [InlineData("icsd16", OxidationStateSet.Icsd16, "icsd_2016")]
    [InlineData("icsd24", OxidationStateSet.Icsd24, "icsd24_filtered")]
    [InlineData("pymatgen", OxidationStateSet.Pymatgen, "pymatgen_structure_predictor_2017")]
    [InlineData("ICSD24", OxidationStateSet.Icsd24, "icsd24_filtered")]
    public void Parse_KnownName_MapsToSmactSourceSet(string name, OxidationStateSet expected, string sourceSet)
    {
        var set = OxidationStateSets.Parse(name);

        set.Should().Be(expected);
        OxidationStateSets.SourceSet(set).Should().Be(sourceSet);
    }

    [Fact]
    public void Parse_UnknownName_ThrowsListingTheKnownOnes()
    {
        var act = () => OxidationStateSets.Parse("icsd99");

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("icsd99").And.Contain("smact14");
    }

    [Fact]
    public void EverySet_IsLoadedFromTheBundledFile()
    {
        foreach (var set in OxidationStateSets.All)
        {
            ElementTable.Default.Count(element => element.OxidationStates(set).Count > 0)
                .Should().BeGreaterThan(70, $"set {set} should have states for most elements");
        }

        ElementTable.Default.Count(element => element.OxidationStates(OxidationStateSet.Smact14).Count > 0).Should().Be(105);
        ElementTable.Default.Sum(element => element.OxidationStates(OxidationStateSet.Icsd24).Count).Should().Be(358);
    }
}
