using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Enumeration;
using MatGenDiscovery.Chemistry.Validity;
using MatGenDiscovery.Models.Evaluation;

namespace MatGenDiscovery.Models.Tests.Evaluation;

public class EnrichmentTests
{
    private static readonly Element[] NaClK = new[] { "Na", "Cl", "K" }.Select(ElementTable.Default.Get).ToArray();

    [Fact]
    public void Compute_GivenEnumeration_DividesGeneratedShareByEnumerationShare()
    {
        var enumeration = new EnumerationSummary(2, 2, 3, 100, 40, 20, TimeSpan.Zero);
        // In the space: NaCl, KCl (valid), Na2K (not neutral). Outside: MgO (elements), NaCl3 (count 3 > 2), KNaCl (arity 3).
        var generated = TestSets.Set("NaCl", "KCl", "Na2K", "MgO", "NaCl3", "KNaCl2");

        var result = Enrichment.Compute(generated, 2, 2, "na-cl-k", NaClK, enumeration);

        result.GeneratedInSpace.Should().Be(3);
        result.GeneratedValidShare.Should().BeApproximately(2.0 / 3, 1e-12);
        result.EnumerationValidShare.Should().Be(0.2);
        result.Factor.Should().BeApproximately(10.0 / 3, 1e-12);
        result.EnumeratedCompositions.Should().Be(100);
        result.ElementCount.Should().Be(3);
    }

    [Fact]
    public void Compute_NoValidEnumerated_FactorIsNull()
    {
        var result = Enrichment.Compute(TestSets.Set("NaCl"), 2, 2, "na-cl-k", NaClK, new EnumerationSummary(2, 2, 3, 9, 0, 0, TimeSpan.Zero));

        result.Factor.Should().BeNull();
    }

    [Fact]
    public void EnumerationCache_Get_MatchesEnumeratorAndReusesTheResult()
    {
        var options = new ValidityOptions();
        var expected = new CompositionEnumerator(new SmactValidator(options), NaClK).Count(2, 3);

        var first = EnumerationCache.Get(2, 3, "na-cl-k-cache-test", NaClK, options);
        var second = EnumerationCache.Get(2, 3, "na-cl-k-cache-test", NaClK, options);

        first.Compositions.Should().Be(expected.Compositions).And.Be(3 * 7);
        first.ElectronegativityBalanced.Should().Be(expected.ElectronegativityBalanced);
        second.Should().BeSameAs(first);
    }
}
