using MatGenDiscovery.Tensors.Operations.Convolution;
using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.LinearAlgebra;
using MatGenDiscovery.Tensors.Operations.LossFunctions;
using MatGenDiscovery.Tensors.Operations.Normalization;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Tensors.Tests.Operations.LossFunctions;

public class LossesTests
{
    private static readonly Tensor Prediction = Tensor.FromArray([0.2f, 0.9f, 0.6f, 0.1f], 2, 2);
    private static readonly Tensor Target = Tensor.FromArray([0f, 1f, 1f, 0f], 2, 2);

    [Fact]
    public void MseAndL1_MatchDefinitions()
    {
        Losses.Mse(Prediction, Target).Item().Should().BeApproximately((0.04f + 0.01f + 0.16f + 0.01f) / 4f, 1e-6f);
        Losses.L1(Prediction, Target).Item().Should().BeApproximately((0.2f + 0.1f + 0.4f + 0.1f) / 4f, 1e-6f);
    }

    [Fact]
    public void SparsemaxLoss_ZeroAtItsOwnOutputAndGradientIsOutputMinusTarget()
    {
        // Rows (2, 1.5, -3) → sparsemax (0.75, 0.25, 0) and (0, 0, 0) → (1/3, 1/3, 1/3).
        var scores = Tensor.FromArray([2f, 1.5f, -3f, 0f, 0f, 0f], 2, 3);
        var target = Tensor.FromArray([0.5f, 0f, 0.5f, 1f, 0f, 0f], 2, 3);
        var own = Tensor.FromArray([0.75f, 0.25f, 0f, 1f / 3, 1f / 3, 1f / 3], 2, 3);
        scores.RequiresGrad = true;

        var loss = Losses.SparsemaxLoss(scores, target);
        loss.Backward();

        Losses.SparsemaxLoss(scores.Detach(), own).Item().Should().BeApproximately(0f, 1e-6f);
        // Row 1: (p − q)·z − ½‖p‖² + ½‖q‖² = (0.5 + 0.375 + 1.5) − 0.3125 + 0.25 = 2.3125.
        // Row 2: 0 − ½·(1/3) + ½ = 1/3. Mean over the 2 rows; the gradient is (p − q)/2.
        loss.Item().Should().BeApproximately((2.3125f + 1f / 3) / 2, 1e-5f);
        scores.Grad!.ToArray().Should().BeEquivalentTo(
            new[] { 0.125f, 0.125f, -0.25f, -1f / 3, 1f / 6, 1f / 6 }, o => o.Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-6f)).WhenTypeIs<float>());
    }

    [Fact]
    public void BinaryCrossEntropy_MatchesDefinitionAndLogitsVersion()
    {
        var expected = -(Math.Log(0.8) + Math.Log(0.9) + Math.Log(0.6) + Math.Log(0.9)) / 4;
        var logits = Tensor.FromArray([-1.5f, 2f, 0.3f, -3f], 2, 2);

        Losses.BinaryCrossEntropy(Prediction, Target).Item().Should().BeApproximately((float)expected, 1e-6f);
        Losses.BinaryCrossEntropyWithLogits(logits, Target).Item()
            .Should().BeApproximately(Losses.BinaryCrossEntropy(logits.Sigmoid(), Target).Item(), 1e-6f);
    }

    [Fact]
    public void BinaryCrossEntropy_ProbabilityZero_ClampsAtHundred()
    {
        var loss = Losses.BinaryCrossEntropy(Tensor.FromArray([0f], 1), Tensor.FromArray([1f], 1));

        loss.Item().Should().BeApproximately(100f, 1e-3f);
    }

    [Fact]
    public void BinaryCrossEntropyWithLogits_ExtremeLogits_StaysFinite()
    {
        var loss = Losses.BinaryCrossEntropyWithLogits(Tensor.FromArray([-500f, 500f], 2), Tensor.FromArray([1f, 0f], 2));

        loss.Item().Should().BeApproximately(500f, 1e-3f);
    }

    [Fact]
    public void NegativeDice_MatchesPerSampleDefinition()
    {
        var first = 2 * 0.9 / (0.2 + 0.9 + 1);
        var second = 2 * 0.6 / (0.6 + 0.1 + 1);

        Losses.NegativeDice(Prediction, Target).Item().Should().BeApproximately((float)(-(first + second) / 2), 1e-6f);
    }

    [Fact]
    public void WassersteinLosses_MatchDefinitions()
    {
        var real = Tensor.FromArray([1f, 3f], 2, 1);
        var fake = Tensor.FromArray([-1f, 0f], 2, 1);

        Losses.WassersteinCritic(real, fake).Item().Should().Be(-0.5f - 2f);
        Losses.WassersteinGenerator(fake).Item().Should().Be(0.5f);
    }

    [Fact]
    public void GaussianKl_MatchesClosedForm()
    {
        var mean = Tensor.FromArray([0.5f, -1f, 0f, 2f], 2, 2);
        var logVariance = Tensor.FromArray([0f, 0.5f, -0.5f, 1f], 2, 2);
        var expected = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var m = mean.AsReadOnlySpan()[i];
            var lv = logVariance.AsReadOnlySpan()[i];
            expected += -0.5 * (1 + lv - m * m - Math.Exp(lv));
        }

        Losses.GaussianKl(mean, logVariance).Item().Should().BeApproximately((float)(expected / 2), 1e-5f);
    }

    [Fact]
    public void Losses_Gradients_MatchFiniteDifferences()
    {
        var random = new Random(1);
        var target = Tensor.Uniform(random, 0f, 1f, 3, 2);
        var probability = Tensor.Uniform(random, 0.2f, 0.8f, 3, 2);
        var offset = GradientChecker.AwayFromZero(random, 0.1f, 1f, 3, 2);

        GradientChecker.Check(t => Losses.Mse(t[0], target), [probability.Clone()], step: 1e-3f);
        GradientChecker.Check(t => Losses.L1(t[0] + offset, target + offset + offset), [probability.Clone()], step: 1e-3f);
        GradientChecker.Check(t => Losses.BinaryCrossEntropy(t[0], target), [probability.Clone()], step: 1e-3f);
        GradientChecker.Check(t => Losses.BinaryCrossEntropyWithLogits(t[0], target), [Tensor.Randn(random, 3, 2)], step: 1e-3f);
        GradientChecker.Check(t => Losses.NegativeDice(t[0], target), [probability.Clone()], step: 1e-3f);
        GradientChecker.Check(t => Losses.GaussianKl(t[0], t[1]), [Tensor.Randn(random, 3, 2), Tensor.Randn(random, 3, 2)], step: 1e-3f);
        GradientChecker.Check(t => Losses.WassersteinCritic(t[0], t[1]), [Tensor.Randn(random, 3, 1), Tensor.Randn(random, 3, 1)]);
    }

    [Fact]
    public void GradientPenalty_LinearCritic_EqualsSquaredNormGap()
    {
        var weights = Tensor.FromArray([3f, 4f], 1, 2);
        var real = Tensor.Randn(new Random(2), 5, 2);
        var fake = Tensor.Randn(new Random(3), 5, 2);

        var penalty = Losses.GradientPenalty(x => x.Linear(weights), real, fake, new Random(4));

        penalty.Item().Should().BeApproximately(10f * 16f, 1e-3f);
    }

    [Fact]
    public void GradientPenalty_ThroughConvCritic_ParameterGradientsMatchFiniteDifferences()
    {
        var random = new Random(5);
        var real = Tensor.Uniform(random, 0f, 1f, 3, 1, 5, 4);
        var fake = Tensor.Uniform(random, 0f, 1f, 3, 1, 5, 4);
        Tensor[] parameters =
        [
            Tensor.Randn(random, 2, 1, 3, 3) * 0.5f,
            Tensor.Randn(random, 2) * 0.1f,
            Tensor.Randn(random, 1, 2 * 3 * 2) * 0.5f,
            Tensor.Randn(random, 1),
        ];

        Tensor Penalty(Tensor[] p) => Losses.GradientPenalty(
            x => x.Conv2dSame(p[0], p[1], 2, 2).LeakyRelu(0.2f).Flatten().Linear(p[2], p[3]).Sigmoid(),
            real,
            fake,
            new Random(6));

        GradientChecker.Check(Penalty, parameters.Select(p => p.Detach()).ToArray(), step: 1e-3f, tolerance: 3e-2);
    }

    [Fact]
    public void GradientPenalty_ThroughBatchNormCritic_ParameterGradientsMatchFiniteDifferences()
    {
        var random = new Random(7);
        var real = Tensor.Uniform(random, 0f, 1f, 4, 1, 3, 2);
        var fake = Tensor.Uniform(random, 0f, 1f, 4, 1, 3, 2);
        Tensor[] parameters =
        [
            Tensor.Randn(random, 2, 1, 3, 3) * 0.5f,
            Tensor.Uniform(random, 0.5f, 1.5f, 2),
            Tensor.Randn(random, 2) * 0.1f,
            Tensor.Randn(random, 1, 2 * 3 * 2) * 0.5f,
        ];

        Tensor Penalty(Tensor[] p) => Losses.GradientPenalty(
            x => x.Conv2dSame(p[0], null, 1, 1)
                .BatchNorm(p[1], p[2], Tensor.Zeros(2), Tensor.Ones(2), training: true)
                .LeakyRelu(0.2f).Flatten().Linear(p[3]),
            real,
            fake,
            new Random(8));

        GradientChecker.Check(Penalty, parameters.Select(p => p.Detach()).ToArray(), step: 1e-3f, tolerance: 3e-2);
    }

    [Fact]
    public void Mse_MismatchedShapes_ThrowsNamingBoth()
    {
        var act = () => Losses.Mse(Tensor.Zeros(2, 2), Tensor.Zeros(4));

        act.Should().Throw<ArgumentException>().WithMessage("*Mse*[2, 2]*[4]*");
    }
}
