using MatGenDiscovery.Models.Predictors;
using MatGenDiscovery.Models.Predictors.Mlp;

namespace MatGenDiscovery.Models.Tests.Predictors.Mlp;

public sealed class MlpTrainerTests
{
    private static readonly MlpOptions _options = new() { HiddenSizes = [16], MaxEpochs = 1, BatchSize = 32, LearningRate = 3e-3f };

    [Fact]
    public void Train_CosineScheduleOneEpoch_EqualsConstantRate()
    {
        // Epoch 1 runs at ½(1 + cos 0) = the full rate, so one epoch is the same either way.
        var constant = Outputs(_options);
        var cosine = Outputs(_options with { CosineSchedule = true });

        cosine.Should().Equal(constant);
    }

    [Fact]
    public void Train_CosineScheduleSeveralEpochs_DiffersFromConstantRate()
    {
        var constant = Outputs(_options with { MaxEpochs = 4 });
        var cosine = Outputs(_options with { MaxEpochs = 4, CosineSchedule = true });

        cosine.Should().NotEqual(constant);
    }

    private static double[] Outputs(MlpOptions options)
    {
        var train = TrainedPredictors.Train;
        var encoder = ElementFractionEncoder.FromCompositions(train);
        var x = encoder.Encode(train);
        var y = train.Select(c => (float)SyntheticCompositions.Property(c)).ToArray();
        var network = new MlpTrainer(options).Train(x, y, [], [], encoder.Count, seed: 3);
        return new MlpPredictor("property", new MlpInputEncoder(encoder), [network], 0, 1, PredictorCalibration.None, options).Predict(train).Mean;
    }
}
