using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Evaluation;

namespace MatGenDiscovery.Models.Tests.Evaluation;

public sealed class GeneratedSamplesTests
{
    [Fact]
    public void Concat_PartsDrawnInTurn_KeepsCountsAndShiftsFirstIndicesByTheSamplesBefore()
    {
        // 6 samples: NaCl ×3 (first at 0), KBr ×1 (at 2), 2 undecoded; then 2 single-sample rows with no counts.
        var compact = new GeneratedSamples(
            [Composition.Parse("NaCl"), Composition.Parse("KBr")], [-1.0, -1.0], 1, ["Xx9"], [3, 1], [0, 2], Undecoded: 2);
        var rows = GeneratedSamples.From([Composition.Parse("MgO"), Composition.Parse("NaCl")], [-2.0, -2.0]);

        var joined = GeneratedSamples.Concat([compact, rows]);

        joined.Compositions.Select(c => c.ReducedFormula).Should().Equal("NaCl", "KBr", "MgO", "NaCl");
        joined.Targets.Should().Equal(-1.0, -1.0, -2.0, -2.0);
        joined.Counts.Should().Equal(3, 1, 1, 1);
        joined.FirstIndices.Should().Equal(0, 2, 6, 7);
        joined.Undecoded.Should().Be(2);
        joined.Drawn.Should().Be(8);
        joined.Unparsable.Should().Be(1);
        joined.UnparsableExamples.Should().Equal("Xx9");
    }
}
