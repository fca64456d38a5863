using MatGenDiscovery.NeuralNetworks.Optimizers;
using static MatGenDiscovery.NeuralNetworks.Tests.Optimizers.OptimizerTestData;

namespace MatGenDiscovery.NeuralNetworks.Tests.Optimizers;

public class AdamTests
{
    /// <summary>torch.optim.Adam / AdamW written out for one element.</summary>
    internal static double[][] Reference(double lr, double beta1, double beta2, double eps, double weightDecay, bool decoupled)
    {
        var p = (double[])Start.Clone();
        var m = new double[2];
        var v = new double[2];
        var result = new double[2][];
        for (var t = 1; t <= 2; t++)
        {
            for (var i = 0; i < 2; i++)
            {
                var g = Gradients[t - 1][i];
                if (decoupled)
                {
                    p[i] *= 1 - lr * weightDecay;
                }
                else
                {
                    g += weightDecay * p[i];
                }

                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                var mHat = m[i] / (1 - Math.Pow(beta1, t));
                var vHat = v[i] / (1 - Math.Pow(beta2, t));
                p[i] -= lr * mHat / (Math.Sqrt(vHat) + eps);
            }

            result[t - 1] = (double[])p.Clone();
        }

        return result;
    }

    [Fact]
    public void Step_FirstStep_MovesEachElementByLearningRate()
    {
        var p = Parameter();

        var after = TwoSteps(p, new Adam([p], 0.01f, 0.5f, 0.9f));

        after[0][0].Should().BeApproximately(0.99f, 1e-6f);
        after[0][1].Should().BeApproximately(-1.99f, 1e-6f);
    }

    [Theory]
    [InlineData(0.9f, 0.999f, 0f)]
    [InlineData(0.5f, 0.9f, 0f)]
    [InlineData(0.5f, 0.9f, 0.1f)]
    public void Step_TwoSteps_MatchPyTorchFormulas(float beta1, float beta2, float weightDecay)
    {
        var p = Parameter();

        var actual = TwoSteps(p, new Adam([p], 0.01f, beta1, beta2, 1e-8f, weightDecay));

        actual.ShouldMatch(Reference(0.01, beta1, beta2, 1e-8, weightDecay, decoupled: false));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(1000)]
    public void Step_ManyElements_VectorBodyAndTailMatchPyTorchFormulas(int length)
    {
        var random = new Random(length);
        var start = Enumerable.Range(0, length).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        var gradients = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, length).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
        var p = Tensor.FromArray(start.Select(v => (float)v).ToArray(), length).WithGrad();
        var adam = new Adam([p], 0.01f, 0.5f, 0.9f);
        var m = new double[length];
        var v = new double[length];
        var expected = (double[])start.Clone();

        for (var t = 1; t <= gradients.Length; t++)
        {
            p.Grad = Tensor.FromArray(gradients[t - 1].Select(g => (float)g).ToArray(), length);
            adam.Step();
            for (var i = 0; i < length; i++)
            {
                var g = gradients[t - 1][i];
                m[i] = 0.5 * m[i] + 0.5 * g;
                v[i] = 0.9 * v[i] + 0.1 * g * g;
                expected[i] -= 0.01 * (m[i] / (1 - Math.Pow(0.5, t))) / (Math.Sqrt(v[i] / (1 - Math.Pow(0.9, t))) + 1e-8);
            }
        }

        var actual = p.ToArray();
        for (var i = 0; i < length; i++)
        {
            actual[i].Should().BeApproximately((float)expected[i], 1e-5f, $"element {i} of {length}");
        }
    }

    [Fact]
    public void Constructor_BetaOutOfRange_Throws()
    {
        var act = () => new Adam([Parameter()], 1e-3f, beta1: 1f);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*beta1*[0, 1)*");
    }
}
