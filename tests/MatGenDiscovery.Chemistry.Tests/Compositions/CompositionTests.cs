using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Chemistry.Tests.Compositions;

public class CompositionTests
{
    private static readonly ElementTable Table = ElementTable.Default;

    [Theory]
    [InlineData("Ti2O4", "TiO2")]
    [InlineData("O3Fe2", "Fe2O3")]
    [InlineData("K4Mn4O8", "KMnO2")]
    [InlineData("C1Pt1", "PtC")]
    [InlineData("NaN", "NaN")]
    [InlineData("NaCl", "NaCl")]
    [InlineData("LiH", "LiH")]
    [InlineData("CsAu", "CsAu")]
    [InlineData("HCOOH", "H2CO2")]
    [InlineData("O0.5556Pr0.2222Pt0.2222", "Pr2Pt2O5")]
    [InlineData("XeF2", "XeF2")]
    [InlineData("Ag0.5Ge1Pb1.75S4", "Ag0.5GePb1.75S4")]
    public void ReducedFormula_UsesPymatgenElectronegativityOrder(string formula, string expected)
    {
        Composition.Parse(formula).ReducedFormula.Should().Be(expected);
    }

    [Theory]
    [InlineData("Ti2O4")]
    [InlineData("Ag0.5Ge1Pb1.75S4")]
    [InlineData("K4[Fe(CN)6]")]
    [InlineData("NaN")]
    [InlineData("HeNeAr2")]
    public void ReducedFormula_RoundTripsThroughTheParser(string formula)
    {
        var composition = Composition.Parse(formula);

        var reparsed = Composition.Parse(composition.ReducedFormula);

        reparsed.Should().Be(composition);
        reparsed.ReducedFormula.Should().Be(composition.ReducedFormula);
        Composition.Parse(composition.Formula).EqualsUnreduced(composition).Should().BeTrue();
    }

    [Fact]
    public void Equality_IsOnReducedFormula_ButEqualsUnreducedComparesAmounts()
    {
        var ti2o4 = Composition.Parse("Ti2O4");
        var tio2 = Composition.Parse("TiO2");

        ti2o4.Should().Be(tio2);
        (ti2o4 == tio2).Should().BeTrue();
        ti2o4.GetHashCode().Should().Be(tio2.GetHashCode());
        ti2o4.EqualsUnreduced(tio2).Should().BeFalse();
        ti2o4.EqualsUnreduced(Composition.Parse("O4Ti2")).Should().BeTrue();
        ti2o4.Should().NotBe(Composition.Parse("Ti2O3"));
    }

    [Fact]
    public void Properties_DescribeTheComposition()
    {
        var composition = Composition.Parse("Fe4O6");

        composition.Elements.Select(element => element.Symbol).Should().Equal("O", "Fe");
        composition.Amounts.Should().Equal(6, 4);
        composition.ReducedCounts.Should().Equal(3, 2);
        composition.Arity.Should().Be(2);
        composition.TotalAtoms.Should().Be(10);
        composition.Fractions.Should().Equal(0.6, 0.4);
        composition.IsIntegral.Should().BeTrue();
        composition.Formula.Should().Be("Fe4O6");
        composition.Amount(Table.Get("Fe")).Should().Be(4);
        composition.Amount(Table.Get("Na")).Should().Be(0);
        composition.Reduced().Amounts.Should().Equal(3, 2);
    }

    [Fact]
    public void ReducedCounts_OfDecimalAmounts_AreTheSmallestProportionalIntegers()
    {
        Composition.Parse("Ag0.5Ge1Pb1.75S4").ReducedCounts.Should().Equal(16, 4, 2, 7);
    }

    [Fact]
    public void FromCounts_SumsRepeatsAndSortsByAtomicNumber()
    {
        var composition = Composition.FromCounts([(Table.Get("O"), 1), (Table.Get("Fe"), 2), (Table.Get("O"), 2)]);

        composition.ReducedFormula.Should().Be("Fe2O3");
        composition.Elements[0].Symbol.Should().Be("O");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void FromCounts_NonPositiveCount_Throws(int count)
    {
        var act = () => Composition.FromCounts([(Table.Get("Fe"), count)]);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("Fe").And.Contain("> 0");
    }

    [Fact]
    public void FromAmounts_EmptyOrNotFinite_Throws()
    {
        var empty = () => Composition.FromAmounts([]);
        var nan = () => Composition.FromAmounts([(Table.Get("Fe"), double.NaN)]);

        empty.Should().Throw<ArgumentException>().Which.Message.Should().Contain("at least one element");
        nan.Should().Throw<ArgumentException>().Which.Message.Should().Contain("Fe");
    }
}
