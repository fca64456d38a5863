using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Chemistry.Tests.Elements;

public class ElementSetsTests
{
    [Fact]
    public void MatGan85_Has85DistinctElementsInAscendingZFromHToPu()
    {
        var set = ElementSets.MatGan85;

        set.Should().HaveCount(85).And.OnlyHaveUniqueItems();
        set[0].Symbol.Should().Be("H");
        set[^1].Symbol.Should().Be("Pu");
        set.Select(element => element.AtomicNumber).Should().BeInAscendingOrder();
        set.Select(element => element.Symbol).Should().Contain("Xe").And.NotContain(["He", "Kr", "Po", "Rn", "Fr", "Ra"]);
    }

    [Fact]
    public void SmactMetals_MatchesSmactList()
    {
        var symbols = ElementSets.SmactMetals.Select(element => element.Symbol).ToArray();

        symbols.Should().HaveCount(79).And.OnlyHaveUniqueItems();
        symbols.Should().Contain(["Li", "Cu", "Zn", "Au", "Sb", "Ge", "No"]);
        symbols.Should().NotContain(["H", "B", "Si", "As", "Te", "Lr"]);
    }
}
