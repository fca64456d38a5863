using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Models.Evaluation;

namespace MatGenDiscovery.Models.Tests.Evaluation;

public class NearestCompositionIndexTests
{
    [Fact]
    public void Find_SharedElements_ReturnsNearestByFractionDistance()
    {
        var index = new NearestCompositionIndex(TestSets.Parse("NaCl", "KBr", "NaBr"));

        var nearest = index.Find(Composition.Parse("Na2Cl"));

        nearest.Index.Should().Be(0);
        nearest.Distance.Should().BeApproximately(Math.Sqrt(2.0 / 36), 1e-12);
    }

    [Fact]
    public void Find_NoSharedElement_ReturnsSmallestNormWithLowestIndex()
    {
        var index = new NearestCompositionIndex(TestSets.Parse("NaCl2", "KBr", "NaBr"));

        var nearest = index.Find(Composition.Parse("LiF"));

        nearest.Index.Should().Be(1);
        nearest.Distance.Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void FindAll_RandomCompositions_MatchesBruteForce()
    {
        var random = new Random(7);
        var elements = ElementTable.Default.Take(30).ToArray();
        Composition RandomComposition() => Composition.FromCounts(
            elements.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).Select(e => (e, random.Next(1, 6))));
        var training = Enumerable.Range(0, 300).Select(_ => RandomComposition()).ToArray();
        var queries = Enumerable.Range(0, 100).Select(_ => RandomComposition()).ToArray();
        var index = new NearestCompositionIndex(training);

        var found = index.FindAll(queries);

        for (var q = 0; q < queries.Length; q++)
        {
            var brute = training.Select(t => Distance(queries[q], t)).Min();
            found[q].Distance.Should().BeApproximately(brute, 1e-9);
            Distance(queries[q], training[found[q].Index]).Should().BeApproximately(brute, 1e-9);
        }
    }

    [Fact]
    public void Constructor_Empty_Throws() =>
        FluentActions.Invoking(() => new NearestCompositionIndex([])).Should().Throw<ArgumentException>().WithMessage("*empty*");

    private static double Distance(Composition a, Composition b)
    {
        var fa = a.Elements.Zip(a.Fractions).ToDictionary(p => p.First, p => p.Second);
        var fb = b.Elements.Zip(b.Fractions).ToDictionary(p => p.First, p => p.Second);
        return Math.Sqrt(fa.Keys.Union(fb.Keys).Sum(e => Math.Pow(fa.GetValueOrDefault(e) - fb.GetValueOrDefault(e), 2)));
    }
}
