using MatGenDiscovery.Models.Generative.Autoencoder;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.LossFunctions;

namespace MatGenDiscovery.Models.Tests.Generative.Autoencoder;

public class ReconstructionLossesTests
{
    private static readonly Tensor Prediction = Tensor.FromArray([0.9f, 0.2f, 0.1f, 0.4f, 0.7f, 0.05f], [2, 3]);
    private static readonly Tensor Target = Tensor.FromArray([1f, 0f, 0f, 0f, 1f, 0f], [2, 3]);

    [Fact]
    public void Terms_NegativeDice_IsTheDiceLossAlone()
    {
        var terms = ReconstructionLosses.Terms(ReconstructionLosses.NegativeDice, Prediction, Target);

        terms.Should().ContainSingle();
        terms[0].Item().Should().Be(Losses.NegativeDice(Prediction, Target).Item());
        ReconstructionLosses.TermNames(ReconstructionLosses.NegativeDice).Should().Equal("negative_dice");
    }

    [Fact]
    public void Terms_DiceBce_AreDiceThenBinaryCrossEntropy()
    {
        var terms = ReconstructionLosses.Terms(ReconstructionLosses.DiceBce, Prediction, Target);

        terms.Select(t => t.Item()).Should().Equal(
            Losses.NegativeDice(Prediction, Target).Item(), Losses.BinaryCrossEntropy(Prediction, Target).Item());
        ReconstructionLosses.TermNames(ReconstructionLosses.DiceBce).Should().Equal("negative_dice", "binary_cross_entropy");
    }

    [Fact]
    public void Terms_DiceBce_KeepsGradientOnSaturatedPresentCell()
    {
        // A present cell at p = 1e-4: Dice's gradient through the sigmoid nearly vanishes, BCE's stays ≈ −1/N.
        var logits = Tensor.FromArray([-9.2f, -9.2f, 9.2f, -9.2f], [1, 4]);
        logits.RequiresGrad = true;
        var target = Tensor.FromArray([1f, 0f, 1f, 0f], [1, 4]);

        var dice = ReconstructionLosses.Terms(ReconstructionLosses.NegativeDice, logits.Sigmoid(), target)[0];
        dice.Backward();
        var diceGradient = logits.Grad!.ToArray()[0];
        logits.Grad = null;
        var bce = ReconstructionLosses.Terms(ReconstructionLosses.DiceBce, logits.Sigmoid(), target);
        (bce[0] + bce[1]).Backward();

        Math.Abs(diceGradient).Should().BeLessThan(1e-4f);
        logits.Grad!.ToArray()[0].Should().BeLessThan(-0.2f);
    }

    [Fact]
    public void Require_UnknownLoss_ThrowsNamingIt()
    {
        var act = () => ReconstructionLosses.Require("focal");

        act.Should().Throw<ArgumentException>().WithMessage("*'focal'*negative-dice, dice-bce*");
    }

    [Fact]
    public void ToCanonicalJson_ReconstructionLoss_OmittedWhenUnsetAndWrittenWhenSet()
    {
        var config = new ExperimentConfig
        {
            Name = "ae",
            Seed = 1,
            Model = new ModelConfig { Kind = ModelKinds.Autoencoder, Network = ModelKinds.MlpNetwork },
            Data = new DataConfig { Dataset = "mp" },
            Training = new TrainingConfig { Steps = 1, BatchSize = 1, CheckpointInterval = 1, LogInterval = 1, KeepCheckpoints = 1 },
        };
        var combined = config with { Model = config.Model with { ReconstructionLoss = ReconstructionLosses.DiceBce } };

        ExperimentConfigSerializer.ToCanonicalJson(config).Should().NotContain("reconstruction_loss");
        ExperimentConfigSerializer.ToCanonicalJson(combined).Should().Contain("\"reconstruction_loss\":\"dice-bce\"");
        ModelDefaults.Resolve(config.Model).ReconstructionLoss.Should().Be(ReconstructionLosses.NegativeDice);
        ModelDefaults.Resolve(combined.Model).ReconstructionLoss.Should().Be(ReconstructionLosses.DiceBce);
    }
}
