using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Chemistry.Tests.Compositions;

public class CompositionKeyTests
{
    [Fact]
    public void Key_OfReducedEqualCompositions_IsEqualAndPacked()
    {
        var a = Composition.Parse("Ti2O4").Key;
        var b = Composition.Parse("O2Ti").Key;

        a.Should().Be(b);
        a.IsPacked.Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().NotBe(Composition.Parse("Ti2O3").Key);
        a.ToString().Should().Be("8:2,22:1");
    }

    [Fact]
    public void FromCounts_MatchesCompositionKey_InAnyOrder()
    {
        var fromSpans = CompositionKey.FromCounts([26, 8], [4, 6]);

        fromSpans.Should().Be(Composition.Parse("Fe2O3").Key);
        (fromSpans == CompositionKey.FromCounts([8, 26], [3, 2])).Should().BeTrue();
        (fromSpans != CompositionKey.FromCounts([8, 26], [2, 3])).Should().BeTrue();
    }

    [Fact]
    public void Key_BeyondPackingLimits_FallsBackButStaysConsistent()
    {
        var big = Composition.Parse("Mg600Ti");
        var nine = Composition.Parse("HLiBeBCNOFNa");

        big.Key.IsPacked.Should().BeFalse();
        big.Key.Should().Be(CompositionKey.FromCounts([22, 12], [1, 600]));
        big.Key.Should().NotBe(Composition.Parse("Mg601Ti").Key);
        nine.Key.IsPacked.Should().BeFalse();
        nine.Key.Should().Be(Composition.Parse("NaFONCBBeLiH").Key);
        Composition.Parse("Mg511Ti").Key.IsPacked.Should().BeTrue();
    }

    [Fact]
    public void Key_OfDecimalComposition_FollowsReducedFormulaEquality()
    {
        var key = Composition.Parse("Ag0.5Ge1Pb1.75S4").Key;

        key.IsPacked.Should().BeFalse();
        key.Should().Be(Composition.Parse("S4Pb1.75GeAg0.5").Key);
        key.Should().NotBe(Composition.Parse("Ag2Ge4Pb7S16").Key);
    }

    [Fact]
    public void Keys_DeduplicateInAHashSet()
    {
        var keys = new HashSet<CompositionKey>
        {
            Composition.Parse("NaCl").Key,
            Composition.Parse("Na2Cl2").Key,
            Composition.Parse("ClNa").Key,
            Composition.Parse("NaCl2").Key,
        };

        keys.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(new[] { 26 }, new[] { 0 }, "must be > 0")]
    [InlineData(new[] { 26, 26 }, new[] { 1, 2 }, "appears twice")]
    [InlineData(new[] { 119 }, new[] { 1 }, "outside 1..118")]
    [InlineData(new[] { 26 }, new[] { 1, 2 }, "as many counts")]
    public void FromCounts_BadInput_Throws(int[] atomicNumbers, int[] counts, string reason)
    {
        var act = () => CompositionKey.FromCounts(atomicNumbers, counts);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain(reason);
    }
}
