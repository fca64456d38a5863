using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Predictors;
using MatGenDiscovery.Models.Predictors.Evaluation;
using MatGenDiscovery.Models.Predictors.Gbdt;

namespace MatGenDiscovery.Models.Tests.Predictors.Gbdt;

public class GbdtPredictorTests
{
    [Fact]
    public void Predict_Ensemble_MeanIsMeanOfMembersAndSigmaIsPositive()
    {
        var predictor = TrainedPredictors.Gbdt;
        var test = TrainedPredictors.Test;
        var members = new double[3 * test.Length];

        predictor.PredictMembers(test, members);
        var batch = predictor.Predict(test);

        for (var i = 0; i < test.Length; i++)
        {
            var values = new[] { members[i], members[test.Length + i], members[(2 * test.Length) + i] };
            batch.Mean[i].Should().BeApproximately(values.Average(), 1e-12);
            var sample = Math.Sqrt(values.Sum(v => (v - values.Average()) * (v - values.Average())) / 2);
            batch.StandardDeviation[i].Should().BeApproximately(1.25 * sample, 1e-12, "σ is the sample spread times the σ scale");
        }

        batch.StandardDeviation.Should().OnlyContain(sigma => sigma > 0, "bootstrap members disagree");
    }

    [Fact]
    public void PredictMembers_MatchesEachTreeModelBitForBit_IncludingNaNFeatures()
    {
        var predictor = TrainedPredictors.Gbdt;
        Composition[] compositions = [.. TrainedPredictors.Test.Take(37), Composition.Parse("HeXe"), Composition.Parse("ArKr2")];
        var features = predictor.Features.Featurize(compositions);
        var members = new double[predictor.Members.Count * compositions.Length];

        predictor.PredictMembers(compositions, members);

        for (var k = 0; k < predictor.Members.Count; k++)
        {
            members.AsSpan(k * compositions.Length, compositions.Length).ToArray()
                .Should().Equal(predictor.Members[k].PredictRows<double>(features));
        }
    }

    [Fact]
    public void Predict_LearnsTheSyntheticProperty()
    {
        var test = TrainedPredictors.Test;
        var targets = test.Select(SyntheticCompositions.Property).ToArray();
        var baseline = targets.Select(_ => targets.Average()).ToArray();

        var metrics = RegressionMetrics.Compute(TrainedPredictors.Gbdt.Predict(test).Mean, targets);

        metrics.MeanAbsoluteError.Should().BeLessThan(0.5 * RegressionMetrics.Compute(baseline, targets).MeanAbsoluteError);
    }

    [Fact]
    public void Predict_ConcurrentCalls_MatchSequentialCall()
    {
        var predictor = TrainedPredictors.Gbdt;
        var many = Enumerable.Repeat(TrainedPredictors.Test, 20).SelectMany(c => c).ToArray();
        var expected = predictor.Predict(many);

        var results = new PredictionBatch[4];
        Parallel.For(0, results.Length, i => results[i] = predictor.Predict(many));

        results.Should().OnlyContain(r => r.Mean.SequenceEqual(expected.Mean) && r.StandardDeviation.SequenceEqual(expected.StandardDeviation));
    }

    [Fact]
    public void Predict_WrongSpanLength_Throws()
    {
        var act = () => TrainedPredictors.Gbdt.Predict(TrainedPredictors.Test, new double[1], new double[1]);

        act.Should().Throw<ArgumentException>().WithMessage("*100 compositions*");
    }

    [Fact]
    public void Predict_ElementsWithMissingMagpieData_GivesFiniteValues()
    {
        var noble = new[] { Composition.Parse("HeXe"), Composition.Parse("OgCl") };

        noble.Select(TrainedPredictors.Gbdt.Unsupported).Should().OnlyContain(reason => reason == null, "NaN features are handled by the trees");
        TrainedPredictors.Gbdt.Predict(noble).Mean.Should().OnlyContain(value => double.IsFinite(value));
    }

    [Fact]
    public void Predict_SeveralBlocks_EqualsOneCompositionAtATime()
    {
        var predictor = TrainedPredictors.Gbdt;
        var compositions = TrainedPredictors.Train;

        var batch = predictor.Predict(compositions);

        for (var i = 0; i < compositions.Length; i += 37)
        {
            var single = predictor.Predict([compositions[i]]);
            batch.Mean[i].Should().Be(single.Mean[0], $"row {i}");
            batch.StandardDeviation[i].Should().Be(single.StandardDeviation[0], $"row {i}");
        }
    }
}
