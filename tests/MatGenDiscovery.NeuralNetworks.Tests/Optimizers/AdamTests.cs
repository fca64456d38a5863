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

    [Fact]
    public void Constructor_BetaOutOfRange_Throws()
    {
        var act = () => new Adam([Parameter()], 1e-3f, beta1: 1f);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*beta1*[0, 1)*");
    }
}
