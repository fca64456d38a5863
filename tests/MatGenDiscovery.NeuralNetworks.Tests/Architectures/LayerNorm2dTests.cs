using MatGenDiscovery.NeuralNetworks.Architectures;
using MatGenDiscovery.Tensors.Operations.Reductions;

namespace MatGenDiscovery.NeuralNetworks.Tests.Architectures;

public class LayerNorm2dTests
{
    [Fact]
    public void Forward_EachSample_HasZeroMeanAndUnitVarianceOverChannelsAndPositions()
    {
        var input = Tensor.Uniform(new Random(3), -4f, 9f, 2, 3, 5, 4);

        var output = new LayerNorm2d(3).Forward(input).ToArray();

        for (var n = 0; n < 2; n++)
        {
            var sample = output.AsSpan(n * 60, 60).ToArray();
            var mean = sample.Average();
            sample.Average().Should().BeApproximately(0f, 1e-5f);
            sample.Select(v => (v - mean) * (v - mean)).Average().Should().BeApproximately(1f, 1e-3f);
        }
    }

    [Fact]
    public void Forward_GradientOfGradientNorm_MatchesFiniteDifferences()
    {
        var norm = new LayerNorm2d(2);
        norm.Weight.ToArray().Should().AllBeEquivalentTo(1f);
        var x = Tensor.Uniform(new Random(4), -1f, 1f, 1, 2, 2, 2).ToArray();
        var probe = Tensor.Uniform(new Random(5), -1f, 1f, 1, 2, 2, 2);

        // f(w) = ‖∂(Σ probe·y)/∂x‖², the shape of the WGAN-GP penalty, differentiated w.r.t. the scale weight.
        float Penalty(bool backward)
        {
            var input = Tensor.FromArray(x, 1, 2, 2, 2);
            input.RequiresGrad = true;
            var y = (norm.Forward(input) * probe).Sum();
            var grad = Autograd.Grad(y, [input], createGraph: true)[0];
            var penalty = grad.Square().Sum();
            if (backward)
            {
                norm.ZeroGrad();
                penalty.Backward();
            }

            return penalty.Item();
        }

        Penalty(backward: true);
        var analytic = norm.Weight.Grad!.ToArray()[1];
        const float h = 1e-2f;
        norm.Weight.AsSpan()[1] = 1f + h;
        var up = Penalty(backward: false);
        norm.Weight.AsSpan()[1] = 1f - h;
        var down = Penalty(backward: false);

        analytic.Should().BeApproximately((up - down) / (2 * h), 2e-2f * (1f + Math.Abs(analytic)));
        analytic.Should().NotBe(0f);
    }

    [Fact]
    public void Forward_WrongChannelCount_NamesExpectedShape()
    {
        var act = () => new LayerNorm2d(4).Forward(Tensor.Zeros(1, 3, 2, 2));

        act.Should().Throw<ArgumentException>().WithMessage("*[N, 4, H, W]*[1, 3, 2, 2]*");
    }
}
