using MatGenDiscovery.Models.Generative.Training;

namespace MatGenDiscovery.Models.Tests.Generative.Training;

public sealed class CheckpointSelectionTests : IDisposable
{
    private readonly string _folder = GenerativeTestData.TemporaryFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void UniqueAtTrainingValidity_PrefersTheMostDiverseProbeThatKeepsTheTrainingValidity()
    {
        // Training set 70% valid, so the bar is 67%: the 82%-valid and 77%-valid probes qualify, the 60% one does not.
        var score = CheckpointSelection.ScoreOf(CheckpointSelection.UniqueAtTrainingValidity, trainingValidShare: 0.70);
        var early = new SelectionProbe(250, 100_000, 93_000, 84_000, 69_700);
        var late = new SelectionProbe(1000, 100_000, 91_000, 89_000, 68_400);
        var invalid = new SelectionProbe(500, 100_000, 99_000, 98_000, 58_800);

        score(late).Should().BeGreaterThan(score(early));
        score(early).Should().BeGreaterThan(score(invalid));
        score(late).Should().BeApproximately(1.89, 1e-9);
        score(invalid).Should().BeApproximately(0.588, 1e-9);
        CheckpointSelection.ScoreOf(CheckpointSelection.ValidUnique, 0)(early)
            .Should().BeGreaterThan(CheckpointSelection.ScoreOf(CheckpointSelection.ValidUnique, 0)(late));
    }

    [Fact]
    public void UniqueAtTrainingValidity_NoProbeReachesTheBar_FallsBackToValidDistinctPerSample()
    {
        var score = CheckpointSelection.ScoreOf(CheckpointSelection.UniqueAtTrainingValidity, trainingValidShare: 1.0);

        score(new SelectionProbe(1, 1000, 900, 800, 700)).Should().BeGreaterThan(score(new SelectionProbe(2, 1000, 990, 950, 650)));
    }

    [Fact]
    public void Open_ReadsTheProbesBackAndScoresThemWithItsCriterion()
    {
        File.WriteAllText(Path.Combine(_folder, CheckpointSelection.FileName),
            "step,samples,decoded,distinct,valid_distinct,score\n250,1000,930,840,697,0.697\n1000,1000,910,890,684,0.684\n");

        var byValidity = CheckpointSelection.Open(_folder, 1000, 1, int.MaxValue, CheckpointSelection.ScoreOf(CheckpointSelection.ValidUnique, 0));
        var byUniqueness = CheckpointSelection.Open(
            _folder, 1000, 1, int.MaxValue, CheckpointSelection.ScoreOf(CheckpointSelection.UniqueAtTrainingValidity, 0.70));

        byValidity.Best!.Step.Should().Be(250);
        byUniqueness.Best!.Step.Should().Be(1000);
        byUniqueness.Score(byUniqueness.Best).Should().BeApproximately(1.89, 1e-9);
    }

    [Fact]
    public void ScoreOf_UnknownCriterion_NamesIt()
    {
        var act = () => CheckpointSelection.ScoreOf("most_novel", 0);

        act.Should().Throw<ArgumentException>().WithMessage("*'most_novel'*valid_unique*unique_at_training_validity*");
    }
}
