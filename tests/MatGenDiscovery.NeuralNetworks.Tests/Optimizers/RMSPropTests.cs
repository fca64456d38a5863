using MatGenDiscovery.NeuralNetworks.Optimizers;
using static MatGenDiscovery.NeuralNetworks.Tests.Optimizers.OptimizerTestData;

namespace MatGenDiscovery.NeuralNetworks.Tests.Optimizers;

public class RMSPropTests
{
    /// <summary>torch.optim.RMSprop written out for one element.</summary>
    private static double[][] Reference(double lr, double alpha, double eps, double weightDecay, double momentum, bool centered)
    {
        var p = (double[])Start.Clone();
        var square = new double[2];
        var average = new double[2];
        var buffer = new double[2];
        var result = new double[2][];
        for (var step = 0; step < 2; step++)
        {
            for (var i = 0; i < 2; i++)
            {
                var g = Gradients[step][i] + weightDecay * p[i];
                square[i] = alpha * square[i] + (1 - alpha) * g * g;
                double denominator;
                if (centered)
                {
                    average[i] = alpha * average[i] + (1 - alpha) * g;
                    denominator = Math.Sqrt(square[i] - average[i] * average[i]) + eps;
                }
                else
                {
                    denominator = Math.Sqrt(square[i]) + eps;
                }

                if (momentum > 0)
                {
                    buffer[i] = momentum * buffer[i] + g / denominator;
                    p[i] -= lr * buffer[i];
                }
                else
                {
                    p[i] -= lr * g / denominator;
                }
            }

            result[step] = (double[])p.Clone();
        }

        return result;
    }

    [Theory]
    [InlineData(0f, 0f, false)]
    [InlineData(0.1f, 0.9f, false)]
    [InlineData(0f, 0.5f, true)]
    public void Step_TwoSteps_MatchPyTorchFormulas(float weightDecay, float momentum, bool centered)
    {
        var p = Parameter();

        var actual = TwoSteps(p, new RMSProp([p], 0.01f, 0.99f, 1e-8f, weightDecay, momentum, centered));

        actual.ShouldMatch(Reference(0.01, 0.99, 1e-8, weightDecay, momentum, centered), 1e-5);
    }
}
