using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Representations;

namespace MatGenDiscovery.Models.Tests.Representations;

public class BagOfAtomsTests
{
    private static readonly BagOfAtoms Bag = BagOfAtoms.Over(
        new[] { "LiFePO4", "NaCl", "Fe2O3", "BaTiO3", "Mg149Ti" }.Select(Composition.Parse));

    [Fact]
    public void Over_Compositions_ListsTheirElementsByAtomicNumber()
    {
        Bag.Elements.Select(e => e.Symbol).Should().Equal("Li", "O", "Na", "Mg", "P", "Cl", "Ti", "Fe", "Ba");
    }

    [Fact]
    public void Encode_LiFePO4_WritesAtomicFractions()
    {
        var vector = new float[Bag.Length];
        Bag.Encode(Composition.Parse("LiFePO4"), vector);

        vector.Should().Equal(1f / 7, 4f / 7, 0, 0, 1f / 7, 0, 0, 1f / 7, 0);
    }

    [Theory]
    [InlineData("LiFePO4")]
    [InlineData("Fe2O3")]
    [InlineData("BaTiO3")]
    [InlineData("NaCl")]
    public void EncodeDecode_SmallFormula_RoundTrips(string formula)
    {
        var vector = new float[Bag.Length];
        Bag.Encode(Composition.Parse(formula), vector);

        Bag.Decode(vector)!.ReducedFormula.Should().Be(Composition.Parse(formula).ReducedFormula);
    }

    [Fact]
    public void Decode_NoisyVector_ZeroesBelowCutoffRenormalisesAndRounds()
    {
        // Fe 0.39, O 0.58, Li 0.02 (dropped), Cl -0.05 (negative, dropped): renormalised Fe 0.402, O 0.598 -> Fe2O3.
        var vector = new float[Bag.Length];
        vector[0] = 0.02f;
        vector[1] = 0.58f;
        vector[5] = -0.05f;
        vector[7] = 0.39f;

        Bag.Decode(vector)!.Formula.Should().Be("Fe2O3");
    }

    [Fact]
    public void Decode_AllBelowCutoff_ReturnsNull()
    {
        Bag.Decode(Enumerable.Repeat(0.01f, Bag.Length).ToArray()).Should().BeNull();
    }

    [Fact]
    public void Encode_ElementNotInList_Throws()
    {
        var act = () => Bag.Encode(Composition.Parse("CuO"), new float[Bag.Length]);

        act.Should().Throw<RepresentationException>().WithMessage("*CuO*Cu is not among the 9*");
    }
}
