using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Enumeration;
using MatGenDiscovery.Chemistry.Validity;

namespace MatGenDiscovery.Chemistry.Tests.Enumeration;

public class CompositionEnumeratorTests
{
    private static readonly ValidityResult Passed = new(ChargeNeutral: true, ElectronegativityBalanced: true);
    private static readonly ValidityResult Failed = new(ChargeNeutral: false, ElectronegativityBalanced: false);

    private static readonly IReadOnlyList<Element> Small =
        new[] { "Li", "Na", "Fe", "Cu", "Zn", "O", "Cl", "He" }.Select(ElementTable.Default.Get).ToArray();

    [Fact]
    public void Enumerate_Binary_YieldsEveryCoprimeCountVectorOfEveryPairOnce()
    {
        var enumerator = new CompositionEnumerator(new SmactValidator(), Small);

        var all = enumerator.Enumerate(2, 3).ToList();

        // C(8, 2) = 28 pairs × 7 count vectors in [1, 3]^2 with gcd 1 (all 9 but (2,2) and (3,3)).
        all.Should().HaveCount(28 * 7);
        all.Select(item => item.Composition.Key).Should().OnlyHaveUniqueItems();
        all.Should().OnlyContain(item => item.Composition.Arity == 2 && item.Composition.Amounts.All(amount => amount >= 1 && amount <= 3));
        all.Should().Contain(item => item.Composition.ReducedFormula == "Fe2O3" && item.Validity == Passed);
        all.Should().Contain(item => item.Composition.ReducedFormula == "OHe" && item.Validity == Failed);
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 5)]
    [InlineData(3, 4)]
    public void Count_InParallel_MatchesTheSequentialEnumeration(int arity, int maxCount)
    {
        var enumerator = new CompositionEnumerator(new SmactValidator(), Small);
        var sequential = enumerator.Enumerate(arity, maxCount).ToList();

        var summary = enumerator.Count(arity, maxCount, maxDegreeOfParallelism: 2);

        summary.Compositions.Should().Be(sequential.Count);
        summary.ChargeNeutral.Should().Be(sequential.Count(item => item.Validity.ChargeNeutral));
        summary.ElectronegativityBalanced.Should().Be(sequential.Count(item => item.Validity.ElectronegativityBalanced));
        summary.ElementCount.Should().Be(8);
        summary.ElectronegativityBalancedShare.Should().BeLessThanOrEqualTo(summary.ChargeNeutralShare);
    }

    [Fact]
    public void Count_Unary_CountsEachElementOnceAndAllAreValid()
    {
        var summary = new CompositionEnumerator(new SmactValidator(), Small).Count(1, 8);

        summary.Compositions.Should().Be(8);
        summary.ElectronegativityBalanced.Should().Be(8);
    }

    [Fact]
    public void Count_WithAlloys_AddsTheAllMetalCompositions()
    {
        var metals = new[] { "Fe", "Cu", "Zn" }.Select(ElementTable.Default.Get).ToArray();
        var plain = new CompositionEnumerator(new SmactValidator(), metals).Count(2, 4);
        var alloys = new CompositionEnumerator(new SmactValidator(new ValidityOptions { IncludeAlloys = true }), metals).Count(2, 4);

        alloys.Compositions.Should().Be(plain.Compositions);
        plain.ElectronegativityBalanced.Should().BeLessThan(plain.Compositions);
        alloys.ElectronegativityBalanced.Should().Be(alloys.Compositions);
    }

    [Fact]
    public void ElementsWithOxidationStates_ExcludesElementsWithoutStatesInTheSet()
    {
        var smact14 = CompositionEnumerator.ElementsWithOxidationStates(OxidationStateSet.Smact14);

        smact14.Should().HaveCount(105);
        smact14.Select(element => element.Symbol).Should().NotContain(["He", "Ne", "Ar"]);
        smact14.Select(element => element.AtomicNumber).Should().BeInAscendingOrder();
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(9, 3)]
    [InlineData(2, 0)]
    public void Count_BadArityOrMaxCount_Throws(int arity, int maxCount)
    {
        var enumerator = new CompositionEnumerator(new SmactValidator(), Small);

        var act = () => enumerator.Count(arity, maxCount);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Constructor_RepeatedOrEmptySet_Throws()
    {
        var iron = ElementTable.Default.Get("Fe");

        var repeated = () => new CompositionEnumerator(new SmactValidator(), [iron, iron]);
        var empty = () => new CompositionEnumerator(new SmactValidator(), []);

        repeated.Should().Throw<ArgumentException>().Which.Message.Should().Contain("repeats");
        empty.Should().Throw<ArgumentException>().Which.Message.Should().Contain("empty");
    }
}
