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
}
