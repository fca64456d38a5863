using MatGenDiscovery.Models.Evaluation;

namespace MatGenDiscovery.Models.Tests.Evaluation;

public class EvaluationSuiteTests
{
    [Fact]
    public void Evaluate_SmallSets_FillsInputsAndEveryMetric()
    {
        var context = new EvaluationContext(
            TestSets.Parse("NaCl", "KBr", "MgO"), [], TestSets.Parse("CaO", "LiF"), [new ReferenceDatabase("icsd", TestSets.Parse("LiF", "CsI"))]);
        var samples = GeneratedSamples.From(TestSets.Parse("NaCl", "Na2Cl2", "LiF", "CsI", "Fe2O3"));
        var inputs = new EvaluationInputs("g.csv", null, null, null, null, null, 0, 0, [], 0, 0, 0);

        var report = EvaluationSuite.Evaluate(samples, context, new EvaluationOptions { EnrichmentArities = [] }, inputs);

        report.Inputs.Should().BeEquivalentTo(inputs with { Samples = 5, UniqueSamples = 4, TrainingSize = 3, LeaveOutSize = 2 });
        report.Uniqueness.Should().Equal(new UniquenessPoint(5, 4));
        report.Novelty.Should().Be(new NoveltyResult(4, 3));
        report.Recovery.Training.Recovered.Should().Be(1);
        report.Recovery.LeaveOut.Recovered.Should().Be(1);
        report.Confirmation.Should().ContainSingle().Which.Confirmed.Should().Be(2);
        report.Conditional.Should().BeNull();
        report.Repair.Should().BeNull();
        report.Enrichment.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_TargetsWithoutTrainingTargets_Throws()
    {
        var context = new EvaluationContext(TestSets.Parse("NaCl", "KBr"), [1], [], []);

        FluentActions.Invoking(() => EvaluationSuite.Evaluate(
                GeneratedSamples.From(TestSets.Parse("NaCl")), context, new EvaluationOptions(),
                new EvaluationInputs("g.csv", null, null, null, null, null, 0, 0, [], 0, 0, 0)))
            .Should().Throw<ArgumentException>().WithMessage("*2 compositions but 1 targets*");
    }
}
