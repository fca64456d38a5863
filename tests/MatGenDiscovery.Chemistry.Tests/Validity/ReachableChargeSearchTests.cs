using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Validity;

namespace MatGenDiscovery.Chemistry.Tests.Validity;

/// <summary>The polynomial charge search must give exactly the depth-first search's verdicts.</summary>
public class ReachableChargeSearchTests
{
    [Theory]
    [InlineData(OxidationStateSet.Smact14, false)]
    [InlineData(OxidationStateSet.Icsd24, false)]
    [InlineData(OxidationStateSet.Pymatgen, false)]
    [InlineData(OxidationStateSet.Smact14, true)]
    public void Check_RandomCompositions_AgreesWithDepthFirstSearch(OxidationStateSet set, bool unreduced)
    {
        var options = new ValidityOptions { OxidationStates = set, Unreduced = unreduced };
        var depthFirst = new SmactValidator(options, null, depthFirstLimit: long.MaxValue);
        var reachable = new SmactValidator(options, null, depthFirstLimit: 0);
        var verdicts = new HashSet<ValidityResult>();
        foreach (var composition in RandomCompositions(seed: (int)set, count: 3000, maxElements: 7, maxCount: 12))
        {
            var expected = depthFirst.Check(composition);
            reachable.Check(composition).Should().Be(expected, composition.Formula);
            verdicts.Add(expected);
        }

        verdicts.Should().HaveCount(3, "the sample must hold invalid, neutral-only and valid compositions");
    }

    [Theory]
    [InlineData("NaCl")]
    [InlineData("Li9NO3")]
    [InlineData("CsAu")]
    [InlineData("Fe3O4")]
    [InlineData("LiFePO4")]
    [InlineData("Ba2YCu3O7")]
    [InlineData("Cu2ZnSnS4")]
    public void Check_KnownFormulas_AgreesWithDepthFirstSearch(string formula)
    {
        var composition = Composition.Parse(formula);
        new SmactValidator(null, null, 0).Check(composition)
            .Should().Be(new SmactValidator(null, null, long.MaxValue).Check(composition));
    }

    [Fact]
    public void Check_TwelveElementComposition_TakesThePolynomialPathAndAgrees()
    {
        var composition = Composition.Parse("LiMnFeCoCrVNiMoWReO12S3");
        var validator = new SmactValidator();
        var states = composition.Elements.Aggregate(1L, (product, e) => product * e.OxidationStates(OxidationStateSet.Smact14).Distinct().Count());
        states.Should().BeGreaterThan(validator.DepthFirstLimit, "this composition must exercise the polynomial search by default");
        validator.Check(composition).Should().Be(new SmactValidator(null, null, long.MaxValue).Check(composition));
    }

    private static IEnumerable<Composition> RandomCompositions(int seed, int count, int maxElements, int maxCount)
    {
        var random = new Random(seed);
        var elements = ElementTable.Default.Where(e => e.AtomicNumber <= 94).ToArray();
        for (var k = 0; k < count; k++)
        {
            var arity = random.Next(2, maxElements + 1);
            var chosen = elements.OrderBy(_ => random.Next()).Take(arity).ToArray();
            var formula = string.Concat(chosen.Select(e => e.Symbol + random.Next(1, maxCount + 1)));
            yield return Composition.Parse(formula);
        }
    }
}
