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
}
