using MatGenDiscovery.Models.Predictors;

namespace MatGenDiscovery.Models.Tests.Predictors;

public sealed class AveragedPredictorTests
{
    [Fact]
    public void Predict_WithSigmaScale_ScalesMixtureSigmaOnly()
    {
        IPropertyPredictor[] parts = [TrainedPredictors.Gbdt, TrainedPredictors.Mlp];
        var plain = new AveragedPredictor(parts).Predict(TrainedPredictors.Test);

        var scaled = new AveragedPredictor(parts, new PredictorCalibration { SigmaScale = 3 }).Predict(TrainedPredictors.Test);

        scaled.Mean.Should().Equal(plain.Mean);
        for (var i = 0; i < plain.Count; i++)
        {
            scaled.StandardDeviation[i].Should().BeApproximately(3 * plain.StandardDeviation[i], 1e-12);
        }
    }

    [Fact]
    public void Constructor_OnePart_ThrowsNamingIt()
    {
        var act = () => new AveragedPredictor([TrainedPredictors.Gbdt]);

        act.Should().Throw<ArgumentException>().WithMessage("*at least two parts*gbdt:property*");
    }

    [Fact]
    public void Predict_Weights_GiveWeightedMeanAndMixtureSigma()
    {
        IPropertyPredictor[] parts = [TrainedPredictors.Gbdt, TrainedPredictors.Mlp];
        var gbdt = TrainedPredictors.Gbdt.Predict(TrainedPredictors.Test);
        var mlp = TrainedPredictors.Mlp.Predict(TrainedPredictors.Test);

        var weighted = new AveragedPredictor(parts, weights: [1, 3]).Predict(TrainedPredictors.Test);

        for (var i = 0; i < weighted.Count; i++)
        {
            var mean = (0.25 * gbdt.Mean[i]) + (0.75 * mlp.Mean[i]);
            weighted.Mean[i].Should().BeApproximately(mean, 1e-12);
            var variance = (0.25 * ((gbdt.StandardDeviation[i] * gbdt.StandardDeviation[i]) + ((gbdt.Mean[i] - mean) * (gbdt.Mean[i] - mean))))
                + (0.75 * ((mlp.StandardDeviation[i] * mlp.StandardDeviation[i]) + ((mlp.Mean[i] - mean) * (mlp.Mean[i] - mean))));
            weighted.StandardDeviation[i].Should().BeApproximately(Math.Sqrt(variance), 1e-12);
        }
    }

    [Theory]
    [InlineData(new[] { 1.0 })]
    [InlineData(new[] { 1.0, -0.5 })]
    [InlineData(new[] { 0.0, 0.0 })]
    [InlineData(new[] { double.NaN, 1.0 })]
    public void Constructor_InvalidWeights_ThrowsNamingThem(double[] weights)
    {
        var act = () => new AveragedPredictor([TrainedPredictors.Gbdt, TrainedPredictors.Mlp], weights: weights);

        act.Should().Throw<ArgumentException>().WithMessage("*2 finite non-negative weights*");
    }
}
