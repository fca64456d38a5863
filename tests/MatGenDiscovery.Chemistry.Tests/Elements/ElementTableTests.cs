using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Chemistry.Tests.Elements;

public class ElementTableTests
{
    private static readonly ElementTable Table = ElementTable.Default;

    [Fact]
    public void Default_LoadsAll118ElementsInAtomicNumberOrder()
    {
        Table.Count.Should().Be(118);
        Table.Select(element => element.AtomicNumber).Should().Equal(Enumerable.Range(1, 118));
        Table[0].Symbol.Should().Be("H");
        Table[117].Symbol.Should().Be("Og");
        Table[117].Name.Should().Be("Oganesson");
    }

    [Fact]
    public void TryGet_IsCaseSensitive()
    {
        Table.TryGet("Co", out var cobalt).Should().BeTrue();
        cobalt.AtomicNumber.Should().Be(27);
        Table.TryGet("CO", out _).Should().BeFalse();
        Table.TryGet("co", out _).Should().BeFalse();
        Table.TryGet("Co".AsSpan(), out var fromSpan).Should().BeTrue();
        fromSpan.Should().BeSameAs(cobalt);
    }

    [Fact]
    public void Get_UnknownSymbol_ThrowsUnknownElementExceptionNamingIt()
    {
        var act = () => Table.Get("Xx");

        act.Should().Throw<UnknownElementException>().Which.Message.Should().Contain("'Xx'");
    }

    [Fact]
    public void ByAtomicNumber_OutOfRange_Throws()
    {
        Table.ByAtomicNumber(26).Symbol.Should().Be("Fe");
        var act = () => Table.ByAtomicNumber(119);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Iron_HasSmactPymatgenAndMagpieProperties()
    {
        var iron = Table.Get("Fe");

        iron.Name.Should().Be("Iron");
        iron.PaulingElectronegativity.Should().Be(1.83);
        iron.PymatgenElectronegativity.Should().Be(1.83);
        iron.Magpie("MendeleevNumber").Should().Be(55);
        iron.Magpie("Number").Should().Be(26);
        iron.Magpie(Table.MagpiePropertyIndex("Column")).Should().Be(8);
        iron.MagpieIonizationEnergies.Should().HaveCountGreaterThan(3);
        iron.MagpieIonizationEnergies[0].Should().BeApproximately(7.9024, 1e-3);
        iron.OxidationStates(OxidationStateSet.Smact14).Should().Equal(-2, -1, 1, 2, 3, 4, 5, 6);
        iron.OxidationStates(OxidationStateSet.Icsd24).Should().Equal(1, 2, 3, 4, 5, 6);
        iron.PymatgenCommonOxidationStates.Should().Equal(2, 3);
    }

    [Fact]
    public void NobleGases_WithoutSmactElectronegativity_HaveNull()
    {
        Table.Get("He").PaulingElectronegativity.Should().BeNull();
        Table.Get("Ar").PaulingElectronegativity.Should().BeNull();
        Table.Get("Xe").PaulingElectronegativity.Should().Be(2.6);
        Table.Get("He").OxidationStates(OxidationStateSet.Smact14).Should().BeEmpty();
    }

    [Fact]
    public void Magpie_UnknownProperty_ThrowsArgumentExceptionNamingIt()
    {
        var act = () => Table.Get("Fe").Magpie("NoSuchThing");

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("NoSuchThing");
    }

    [Fact]
    public void MagpiePropertyNames_ExcludeTheMultiValuedIonizationEnergies()
    {
        Table.MagpiePropertyNames.Should().Contain(["MendeleevNumber", "CovalentRadius", "GSvolume_pa", "NValence"]);
        Table.MagpiePropertyNames.Should().NotContain("IonizationEnergies");
    }

    [Fact]
    public void Magpie_MissingValue_IsNull()
    {
        Table.Get("Og").Magpie("MendeleevNumber").Should().BeNull();
    }
}
