using MatGenDiscovery.Models.Evaluation;

namespace MatGenDiscovery.Models.Tests.Evaluation;

public class ConditionalMetricsTests
{
    [Fact]
    public void Compute_ThreePointTrainingSet_GivesNearestPropertyErrors()
    {
        var index = new NearestCompositionIndex(TestSets.Parse("NaCl", "KBr", "NaBr"));
        double[] trainingTargets = [1, 2, 3];

        var result = ConditionalMetrics.Compute(
            TestSets.Parse("NaCl", "Na2Cl", "LiF", "KBr"), [1.5, 0, null, 2], index, trainingTargets);

        result.Count.Should().Be(3);
        result.Mae.Should().BeApproximately((0.5 + 1 + 0) / 3, 1e-12);
        result.Rmse.Should().BeApproximately(Math.Sqrt((0.25 + 1) / 3), 1e-12);
        result.MeanDistance.Should().BeApproximately(Math.Sqrt(2.0 / 36) / 3, 1e-12);
    }

    [Fact]
    public void Compute_WithCounts_AveragesOverSamples()
    {
        var index = new NearestCompositionIndex(TestSets.Parse("NaCl", "KBr"));

        // NaCl drawn 3 times (error 0.5 each), KBr once (error 2): per sample (1.5 + 2) / 4, not (0.5 + 2) / 2.
        var result = ConditionalMetrics.Compute(TestSets.Parse("NaCl", "KBr"), [1.5, 0], index, [1, 2], counts: [3, 1]);

        result.Count.Should().Be(4);
        result.Mae.Should().BeApproximately(3.5 / 4, 1e-12);
        result.Rmse.Should().BeApproximately(Math.Sqrt((3 * 0.25 + 4) / 4), 1e-12);
    }

    [Fact]
    public void Compute_CountsOfWrongLength_Throws()
    {
        var index = new NearestCompositionIndex(TestSets.Parse("NaCl"));

        FluentActions.Invoking(() => ConditionalMetrics.Compute(TestSets.Parse("NaCl"), [1], index, [1], counts: [1, 2]))
            .Should().Throw<ArgumentException>().WithMessage("*one non-negative count per generated composition*");
    }

    [Fact]
    public void Compute_MisalignedTargets_Throws()
    {
        var index = new NearestCompositionIndex(TestSets.Parse("NaCl"));

        FluentActions.Invoking(() => ConditionalMetrics.Compute(TestSets.Parse("NaCl"), [1, 2], index, [1]))
            .Should().Throw<ArgumentException>().WithMessage("*1 generated compositions but 2 targets*");
    }
}
