using MatGenDiscovery.NeuralNetworks.Optimizers;
using static MatGenDiscovery.NeuralNetworks.Tests.Optimizers.OptimizerTestData;

namespace MatGenDiscovery.NeuralNetworks.Tests.Optimizers;

public class SGDTests
{
    /// <summary>PyTorch's SGD written out for one element.</summary>
    private static double[][] Reference(double lr, double momentum, double dampening, double weightDecay, bool nesterov)
    {
        var p = (double[])Start.Clone();
        var buffer = new double[2];
        var result = new double[2][];
        for (var step = 0; step < 2; step++)
        {
            for (var i = 0; i < 2; i++)
            {
                var g = Gradients[step][i] + weightDecay * p[i];
                if (momentum != 0)
                {
                    buffer[i] = step == 0 ? g : momentum * buffer[i] + (1 - dampening) * g;
                    g = nesterov ? g + momentum * buffer[i] : buffer[i];
                }

                p[i] -= lr * g;
            }

            result[step] = (double[])p.Clone();
        }

        return result;
    }

    [Fact]
    public void Step_Plain_IsGradientDescent()
    {
        var p = Parameter();

        TwoSteps(p, new SGD([p], 0.1f)).ShouldMatch([[0.95, -1.9], [0.975, -2.2]]);
    }

    [Theory]
    [InlineData(0.9f, 0f, 0f, false)]
    [InlineData(0.9f, 0.1f, 0.01f, false)]
    [InlineData(0.8f, 0f, 0.05f, true)]
    public void Step_MomentumVariants_MatchPyTorchFormulas(float momentum, float dampening, float weightDecay, bool nesterov)
    {
        var p = Parameter();

        var actual = TwoSteps(p, new SGD([p], 0.1f, momentum, dampening, weightDecay, nesterov));

        actual.ShouldMatch(Reference(0.1, momentum, dampening, weightDecay, nesterov));
    }

    [Fact]
    public void Step_ParameterWithoutGradient_IsSkipped()
    {
        var p = Parameter();
        var optimizer = new SGD([p], 0.1f, momentum: 0.9f);

        optimizer.Step();

        p.ToArray().Should().Equal(1f, -2f);
    }

    [Fact]
    public void Constructor_BadHyperParameters_Throw()
    {
        var p = Parameter();

        FluentActions.Invoking(() => new SGD([p], -1f)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*LearningRate*");
        FluentActions.Invoking(() => new SGD([p], 0.1f, nesterov: true)).Should().Throw<ArgumentException>().WithMessage("*Nesterov*");
        FluentActions.Invoking(() => new SGD([Tensor.Zeros(2)], 0.1f)).Should().Throw<ArgumentException>().WithMessage("*does not require gradients*");
    }
}
