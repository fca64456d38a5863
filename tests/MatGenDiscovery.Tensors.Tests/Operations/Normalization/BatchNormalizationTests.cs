using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.Normalization;
using MatGenDiscovery.Tensors.Operations.Reductions;

namespace MatGenDiscovery.Tensors.Tests.Operations.Normalization;

public class BatchNormalizationTests
{
    [Fact]
    public void BatchNorm_Training_NormalizesChannelsAndUpdatesRunningStatistics()
    {
        var x = Tensor.FromArray([1, 10, 2, 20, 3, 30, 6, 40], 4, 2);
        var runningMean = Tensor.Zeros(2);
        var runningVariance = Tensor.Ones(2);

        var y = x.BatchNorm(null, null, runningMean, runningVariance, training: true, momentum: 0.1f, epsilon: 0f);

        var column0 = new[] { y[0, 0], y[1, 0], y[2, 0], y[3, 0] };
        column0.Average().Should().BeApproximately(0f, 1e-6f);
        column0.Select(v => v * v).Average().Should().BeApproximately(1f, 1e-5f);
        runningMean.ToArray().Should().Equal(0.1f * 3f, 0.1f * 25f);
        // Channel 0: values 1,2,3,6 → unbiased variance 14/3.
        runningVariance[0].Should().BeApproximately(0.9f + 0.1f * 14f / 3f, 1e-5f);
    }

    [Fact]
    public void BatchNorm_Evaluation_UsesRunningStatistics()
    {
        var x = Tensor.FromArray([3, 5], 1, 2, 1, 1);
        var gamma = Tensor.FromArray([2, 1], 2);
        var beta = Tensor.FromArray([1, 0], 2);

        var y = x.BatchNorm(gamma, beta, Tensor.FromArray([1, 1], 2), Tensor.FromArray([4, 16], 2), training: false, epsilon: 0f);

        y.ToArray().Should().Equal(3f, 1f);
    }

    [Fact]
    public void BatchNorm_TrainingGradientsAndSecondOrder_MatchFiniteDifferences()
    {
        var random = new Random(1);
        Tensor[] flat = [Tensor.Randn(random, 5, 3), Tensor.Uniform(random, 0.5f, 1.5f, 3), Tensor.Randn(random, 3)];
        Tensor[] image = [Tensor.Randn(random, 2, 2, 3, 2), Tensor.Uniform(random, 0.5f, 1.5f, 2), Tensor.Randn(random, 2)];

        Tensor Train(Tensor[] t) => t[0].BatchNorm(t[1], t[2], Tensor.Zeros(t[1].Length), Tensor.Ones(t[1].Length), training: true);

        GradientChecker.Check(Train, flat, step: 1e-3f);
        GradientChecker.Check(Train, image, step: 1e-3f);
        GradientChecker.CheckSecondOrder(Train, flat, step: 1e-3f);
        GradientChecker.CheckSecondOrder(Train, image, step: 1e-3f);
    }

    [Fact]
    public void BatchNorm_WithoutAffineParameters_GradientAndSecondOrder_MatchFiniteDifferences()
    {
        var x = Tensor.Randn(new Random(4), 3, 2, 2, 2);

        Tensor Train(Tensor[] t) => t[0].BatchNorm(null, null, Tensor.Zeros(2), Tensor.Ones(2), training: true);

        GradientChecker.Check(Train, [x.Clone()], step: 1e-3f);
        GradientChecker.CheckSecondOrder(Train, [x.Clone()], step: 1e-3f);
    }

    [Fact]
    public void BatchNorm_GradientPenaltyOfInputGradient_MatchesFiniteDifferences()
    {
        var random = new Random(6);
        Tensor[] inputs = [Tensor.Randn(random, 4, 3, 2, 3), Tensor.Uniform(random, 0.5f, 1.5f, 3), Tensor.Randn(random, 4, 3, 2, 3)];

        // ‖∂⟨BN(x), w⟩/∂x‖² as in WGAN-GP: only the recorded input gradient is differentiated again, w.r.t. x, γ and w.
        Tensor Penalty(Tensor[] t)
        {
            var y = t[0].BatchNorm(t[1], null, Tensor.Zeros(3), Tensor.Ones(3), training: true);
            var gradient = Autograd.Grad((y * t[2]).Sum(), [t[0]], createGraph: true)[0];
            return gradient.Square().Sum();
        }

        GradientChecker.Check(Penalty, inputs, step: 1e-3f);
    }

    [Fact]
    public void BatchNorm_ThirdOrderCreateGraph_ThrowsNotSupported()
    {
        var x = Tensor.Randn(new Random(8), 4, 2);
        x.RequiresGrad = true;
        var y = x.BatchNorm(null, null, Tensor.Zeros(2), Tensor.Ones(2), training: true);
        var first = Autograd.Grad((y * y * y).Sum(), [x], createGraph: true)[0];

        var act = () => Autograd.Grad(first.Square().Sum(), [x], createGraph: true);

        act.Should().Throw<NotSupportedException>().WithMessage("*second order*");
    }

    [Fact]
    public void BatchNorm_TrainingImage_MatchesPerChannelDefinition()
    {
        var random = new Random(5);
        var x = Tensor.Randn(random, 3, 2, 2, 3) * 3f + 1f;
        var gamma = Tensor.FromArray([2f, 0.5f], 2);
        var beta = Tensor.FromArray([-1f, 1f], 2);

        var y = x.BatchNorm(gamma, beta, Tensor.Zeros(2), Tensor.Ones(2), training: true, epsilon: 1e-5f);

        for (var c = 0; c < 2; c++)
        {
            var values = new List<double>();
            for (var n = 0; n < 3; n++) for (var h = 0; h < 2; h++) for (var w = 0; w < 3; w++) values.Add(x[n, c, h, w]);
            var mean = values.Average();
            var variance = values.Select(v => (v - mean) * (v - mean)).Average();
            var expected = (x[1, c, 1, 2] - mean) / Math.Sqrt(variance + 1e-5) * gamma[c] + beta[c];
            y[1, c, 1, 2].Should().BeApproximately((float)expected, 1e-5f);
        }
    }

    [Fact]
    public void BatchNorm_EvaluationGradient_MatchesFiniteDifferences()
    {
        var random = new Random(2);
        Tensor[] inputs = [Tensor.Randn(random, 3, 2), Tensor.Randn(random, 2), Tensor.Randn(random, 2)];

        GradientChecker.Check(
            t => t[0].BatchNorm(t[1], t[2], Tensor.FromArray([0.5f, -1f], 2), Tensor.FromArray([2f, 0.5f], 2), training: false),
            inputs);
    }

    [Fact]
    public void BatchNorm_WrongGammaLength_ThrowsNamingShapes()
    {
        var act = () => Tensor.Zeros(4, 3).BatchNorm(Tensor.Ones(2), null, Tensor.Zeros(3), Tensor.Ones(3), true);

        act.Should().Throw<ArgumentException>().WithMessage("*gamma*[3]*[2]*");
    }

    [Fact]
    public void BatchNorm_TrainingWithOneValuePerChannel_Throws()
    {
        var act = () => Tensor.Zeros(1, 3).BatchNorm(null, null, Tensor.Zeros(3), Tensor.Ones(3), true);

        act.Should().Throw<ArgumentException>().WithMessage("*more than one value*");
    }
}
