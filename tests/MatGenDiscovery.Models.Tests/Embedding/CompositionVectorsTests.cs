using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Embedding;

namespace MatGenDiscovery.Models.Tests.Embedding;

public sealed class CompositionVectorsTests
{
    [Fact]
    public void Fractions_TwoCompositions_OneColumnPerOccurringElementByAtomicNumber()
    {
        var rows = CompositionVectors.Fractions([Composition.Parse("NaCl"), Composition.Parse("Li2O")]);

        // Columns: Li (3), O (8), Na (11), Cl (17).
        rows[0].Should().Equal(0, 0, 0.5, 0.5);
        rows[1][0].Should().BeApproximately(2.0 / 3, 1e-12);
        rows[1][1].Should().BeApproximately(1.0 / 3, 1e-12);
        rows.Should().OnlyContain(r => Math.Abs(r.Sum() - 1) < 1e-12);
    }
}
