using MatGenDiscovery.Models.Predictors.Evaluation;

namespace MatGenDiscovery.Models.Tests.Predictors.Evaluation;

public class ClassificationMetricsTests
{
    [Fact]
    public void Compute_HandMadeScores_GivesAccuracyAndMannWhitneyAuc()
    {
        // Positive/negative pairs: (0.35 vs 0.1 ✓, 0.35 vs 0.4 ✗, 0.8 vs both ✓) → 3/4.
        var metrics = ClassificationMetrics.Compute([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);

        metrics.RocAuc.Should().Be(0.75);
        metrics.Accuracy.Should().Be(0.75, "0.35 is the only positive below 0.5; both negatives are below 0.5");
        metrics.Positives.Should().Be(2);
    }

    [Fact]
    public void Compute_TiedScores_CountHalf()
    {
        var metrics = ClassificationMetrics.Compute([0.5, 0.5], [true, false]);

        metrics.RocAuc.Should().Be(0.5);
    }

    [Fact]
    public void Compute_OneClassOnly_AucIsNaN()
    {
        ClassificationMetrics.Compute([0.2, 0.9], [true, true]).RocAuc.Should().Be(double.NaN);
    }
}
