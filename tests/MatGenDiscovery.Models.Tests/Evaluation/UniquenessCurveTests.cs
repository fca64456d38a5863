using MatGenDiscovery.Models.Evaluation;

namespace MatGenDiscovery.Models.Tests.Evaluation;

public class UniquenessCurveTests
{
    [Fact]
    public void Compute_AAB_CountsDistinctAtEachCheckpoint()
    {
        var points = UniquenessCurve.Compute(TestSets.Parse("NaCl", "Na2Cl2", "KBr"), firstCheckpoint: 2);

        points.Should().Equal(new UniquenessPoint(2, 1), new UniquenessPoint(3, 2));
        points[0].Share.Should().Be(0.5);
        points[1].Share.Should().BeApproximately(2.0 / 3, 1e-12);
    }

    [Fact]
    public void Compute_DecadeCheckpoints_EndsAtSampleCount()
    {
        var samples = Enumerable.Range(1, 2500).Select(i => TestSets.Parse($"Fe{1 + (i % 7)}O{1 + (i % 11)}")[0]).ToArray();

        var points = UniquenessCurve.Compute(samples);

        points.Select(p => p.Samples).Should().Equal(1000, 2500);
        points.Should().OnlyContain(p => p.Unique <= 77 && p.Unique > 0);
    }

    [Fact]
    public void Compute_Empty_ReturnsNoPoints() =>
        UniquenessCurve.Compute([]).Should().BeEmpty();

    [Fact]
    public void Compute_CompactSamples_EqualsTheCurveOfTheExpandedStream()
    {
        var stream = TestSets.Parse("NaCl", "KBr", "NaCl", "MgO", "KBr", "NaCl", "MgO", "LiF", "NaCl", "KBr", "CsI", "NaCl");
        var compact = new GeneratedSamples(
            TestSets.Parse("NaCl", "KBr", "MgO", "LiF", "CsI"), new double?[5], 0, [], Counts: [5, 3, 2, 1, 1], FirstIndices: [0, 1, 3, 7, 10]);

        UniquenessCurve.Compute(compact, firstCheckpoint: 3).Should().Equal(UniquenessCurve.Compute(stream, firstCheckpoint: 3))
            .And.Equal(new UniquenessPoint(3, 2), new UniquenessPoint(12, 5));
    }

    [Fact]
    public void Compute_UndecodedSamples_CountInNButAreNeverUnique()
    {
        // Stream: NaCl, (undecoded), KBr, NaCl, MgO, KBr, NaCl, (undecoded): 8 draws.
        var compact = new GeneratedSamples(
            TestSets.Parse("NaCl", "KBr", "MgO"), new double?[3], 0, [], Counts: [3, 2, 1], FirstIndices: [0, 2, 4], Undecoded: 2);

        UniquenessCurve.Compute(compact, firstCheckpoint: 2).Should().Equal(new UniquenessPoint(2, 1), new UniquenessPoint(8, 3));
    }

    [Fact]
    public void Compute_CheckpointEqualToAFirstIndex_CountsOnlyEarlierSamples()
    {
        var compact = new GeneratedSamples(
            TestSets.Parse("NaCl", "KBr"), new double?[2], 0, [], Counts: [9, 1], FirstIndices: [0, 10]);

        UniquenessCurve.Compute(compact, firstCheckpoint: 10).Should().Equal(new UniquenessPoint(10, 1));
    }
}
