using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Generative.Autoencoder;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Tests.Generative.Autoencoder;

public class CountMatrixAutoencoderTests
{
    private static CountMatrixAutoencoder Model(string network, string? loss = null) =>
        new(ModelDefaults.Resolve(new ModelConfig { Kind = ModelKinds.Autoencoder, Network = network, LatentSize = 32, ReconstructionLoss = loss }), new Random(4));

    [Theory]
    [InlineData(ModelKinds.MlpNetwork, new[] { 2, 680 })]
    [InlineData(ModelKinds.MatGanMpNetwork, new[] { 2, 1, 85, 8 })]
    [InlineData(ModelKinds.MatGanOqmdNetwork, new[] { 2, 1, 85, 8 })]
    public void EncoderDecoder_Batch_MapToLatentAndBack(string network, int[] sampleShape)
    {
        var model = Model(network);

        var latent = model.Encoder.Forward(Tensor.Uniform(new Random(1), 0, 1, sampleShape));

        latent.Shape.Should().Equal(2, 32);
        model.Decoder.Forward(latent).Shape.Should().Equal(sampleShape);
    }

    [Fact]
    public void TrainStep_SmallSet_MakesTrainingCompositionsDecodable()
    {
        var model = Model(ModelKinds.MlpNetwork);
        model.SetTrainingData(GenerativeTestData.SmallSet);
        var before = model.DecodableShare(GenerativeTestData.SmallSet);

        var losses = Enumerable.Range(0, 150).Select(step => model.TrainStep(new Random(step), 16)[0]).ToList();

        losses[^1].Should().BeLessThan(losses[0]);
        before.Should().Be(0);
        model.DecodableShare(GenerativeTestData.SmallSet).Should().BeGreaterThan(0.5);
    }

    [Fact]
    public void TrainStep_DiceBceOnHundredTwentyCompositions_MemorisesNearlyAll()
    {
        var config = GenerativeTestData.MatGanConfig() with { Data = new() { Dataset = "expt-gap", MaxTrainingRows = 120 } };
        var compositions = TrainingDataBuilder.Build(config, GenerativeTestData.DataFolder).Train;
        var model = Model(ModelKinds.MlpNetwork, ReconstructionLosses.DiceBce);
        model.SetTrainingData(compositions);
        var random = new Random(11);

        for (var step = 0; step < 200; step++)
        {
            model.TrainStep(random, 32);
        }

        compositions.Should().HaveCount(120);
        model.DecodableShare(compositions).Should().BeGreaterThan(0.95);
    }

    [Fact]
    public void TrainStep_DiceBce_ReturnsBothTermsInLossNameOrder()
    {
        var model = Model(ModelKinds.MlpNetwork, ReconstructionLosses.DiceBce);
        model.SetTrainingData(GenerativeTestData.SmallSet);

        var losses = model.TrainStep(new Random(1), 8);

        model.LossNames.Should().Equal("negative_dice", "binary_cross_entropy");
        losses.Should().HaveCount(2);
        losses[0].Should().BeInRange(-1f, 0f);
        losses[1].Should().BePositive();
    }

    [Fact]
    public void Constructor_UnknownReconstructionLoss_Throws()
    {
        var act = () => Model(ModelKinds.MlpNetwork, "focal");

        act.Should().Throw<ArgumentException>().WithMessage("*reconstruction loss 'focal'*");
    }

    [Fact]
    public void IsDecodable_CompositionOutsideMatrix_IsFalse()
    {
        Model(ModelKinds.MlpNetwork).IsDecodable(Composition.Parse("Mg149Ti")).Should().BeFalse();
    }

    [Fact]
    public void Generate_Autoencoder_ThrowsClearError()
    {
        var act = () => Model(ModelKinds.MlpNetwork).Generate(new(10, 1));

        act.Should().Throw<ArgumentException>().WithMessage("*does not generate*");
    }
}
