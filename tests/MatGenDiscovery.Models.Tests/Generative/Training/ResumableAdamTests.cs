using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.NeuralNetworks.Optimizers;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Tests.Generative.Training;

public class ResumableAdamTests
{
    [Fact]
    public void Step_SameGradients_MatchesLibraryAdamBitForBit()
    {
        var random = new Random(1);
        var a = Tensor.Randn(random, 5, 3);
        var b = a.Clone();
        a.RequiresGrad = b.RequiresGrad = true;
        var ours = new ResumableAdam([a], 1e-2f, 0.5f, 0.9f);
        var library = new Adam([b], 1e-2f, 0.5f, 0.9f);
        for (var step = 0; step < 5; step++)
        {
            var gradient = Tensor.Randn(random, 5, 3);
            a.Grad = gradient.Clone();
            b.Grad = gradient.Clone();
            ours.Step();
            library.Step();
        }

        a.ToArray().Should().Equal(b.ToArray());
    }

    [Fact]
    public void State_CopiedIntoFreshOptimizer_ContinuesIdentically()
    {
        var random = new Random(2);
        var a = Tensor.Randn(random, 4);
        a.RequiresGrad = true;
        var first = new ResumableAdam([a], 1e-2f, 0f, 0.9f);
        a.Grad = Tensor.Randn(random, 4);
        first.Step();
        var b = a.Clone();
        b.RequiresGrad = true;
        var second = new ResumableAdam([b], 1e-2f, 0f, 0.9f);
        foreach (var ((_, source), (_, target)) in first.State().Zip(second.State()))
        {
            source.AsReadOnlySpan().CopyTo(target.AsSpan());
        }

        var gradient = Tensor.Randn(random, 4);
        a.Grad = gradient.Clone();
        b.Grad = gradient.Clone();
        first.Step();
        second.Step();

        b.ToArray().Should().Equal(a.ToArray());
        second.State().Last().Value.ToArray().Should().AllBeEquivalentTo(2f);
    }
}
