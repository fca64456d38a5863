using MatGenDiscovery.Datasets.Catalog;

namespace MatGenDiscovery.Datasets.Tests.Catalog;

public class DatasetCatalogTests
{
    [Fact]
    public void All_EveryFile_ExistsInTheBundledData()
    {
        foreach (var descriptor in DatasetCatalog.All)
        {
            File.Exists(Path.Combine(TestFiles.RepositoryData, descriptor.FileName))
                .Should().BeTrue($"{descriptor.Name} points at {descriptor.FileName}");
        }
    }

    [Fact]
    public void All_Names_AreUnique()
    {
        DatasetCatalog.Names.Should().OnlyHaveUniqueItems().And.Contain(["mp", "mp-eform", "mp-gap", "compgan", "oqmd", "oqmd-roost", "icsd", "expt-gap"]);
    }

    [Fact]
    public void Get_KnownNameAnyCase_ReturnsDescriptor()
    {
        DatasetCatalog.Get("OQMD").PropertyColumns.Should().Equal("formation_enthalpy", "band_gap", "energy_per_atom", "volume_per_atom");
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingKnownNames()
    {
        var act = () => DatasetCatalog.Get("nope");

        act.Should().Throw<UnknownDatasetException>().WithMessage("*'nope'*mp, mp-eform*expt-gap*");
    }
}
