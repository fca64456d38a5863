using MatGenDiscovery.Tensors.Operations.Convolution;
using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.LinearAlgebra;
using MatGenDiscovery.Tensors.Operations.LossFunctions;
using MatGenDiscovery.Tensors.Operations.Normalization;
using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Tensors.Tests;

public class TensorArenaTests
{
    /// <summary>A small conv → BN → LeakyReLU → linear critic, its WGAN-GP loss and backward; returns the parameter gradients.</summary>
    private static float[][] CriticGradients(int seed)
    {
        var random = new Random(seed);
        var convWeight = (Tensor.Randn(random, 8, 1, 3, 3) * 0.3f).Clone();
        var gamma = Tensor.Uniform(random, 0.5f, 1.5f, 8);
        var linearWeight = (Tensor.Randn(random, 1, 8 * 6 * 4) * 0.1f).Clone();
        Tensor[] parameters = [convWeight, gamma, linearWeight];
        foreach (var parameter in parameters)
        {
            parameter.RequiresGrad = true;
        }

        Tensor Critic(Tensor x) => x.Conv2dSame(convWeight, null, 2, 2)
            .BatchNorm(gamma, null, Tensor.Zeros(8), Tensor.Ones(8), training: true)
            .LeakyRelu(0.2f)
            .Flatten()
            .Linear(linearWeight);

        var real = Tensor.Uniform(random, 0f, 1f, 16, 1, 12, 8);
        var fake = Tensor.Uniform(random, 0f, 1f, 16, 1, 12, 8);
        var loss = Losses.WassersteinCritic(Critic(real), Critic(fake)) + Losses.GradientPenalty(Critic, real, fake, random);
        loss.Backward();
        return parameters.Select(p => p.Grad!.ToArray()).ToArray();
    }

    [Fact]
    public void Activate_RepeatedScopes_GiveBitIdenticalGradientsToHeapAllocation()
    {
        var expected = CriticGradients(3);
        var arena = new TensorArena();

        for (var repetition = 0; repetition < 3; repetition++)
        {
            float[][] actual;
            using (arena.Activate())
            {
                actual = CriticGradients(3);
            }

            for (var i = 0; i < expected.Length; i++)
            {
                actual[i].Should().Equal(expected[i], $"parameter {i}, repetition {repetition}");
            }
        }
    }

    [Fact]
    public void Activate_SecondIdenticalScope_ReusesStorage()
    {
        var arena = new TensorArena();
        using (arena.Activate())
        {
            CriticGradients(5);
        }

        var retained = arena.RetainedFloats;
        using (arena.Activate())
        {
            CriticGradients(5);
        }

        retained.Should().BePositive();
        arena.RetainedFloats.Should().Be(retained);
    }

    [Fact]
    public void Activate_LeafGradient_SurvivesLaterScopes()
    {
        var arena = new TensorArena();
        var weight = Tensor.Randn(new Random(1), 64, 64);
        weight.RequiresGrad = true;
        using (arena.Activate())
        {
            (Tensor.Ones(64, 64).MatMul(weight)).Sum().Backward();
        }

        var gradient = weight.Grad!.ToArray();
        using (arena.Activate())
        {
            _ = (Tensor.Full(7f, 64, 64) * 3f).MatMul(Tensor.Full(2f, 64, 64));
        }

        weight.Grad!.ToArray().Should().Equal(gradient);
        gradient.Should().AllBeEquivalentTo(64f);
    }

    [Fact]
    public void Activate_SmallResults_ComeFromTheHeap()
    {
        var arena = new TensorArena();
        using (arena.Activate())
        {
            _ = Tensor.Ones(10, 10) * 2f;
        }

        arena.RetainedFloats.Should().Be(0);
    }

    [Fact]
    public void Activate_WhileAnotherScopeIsOpen_Throws()
    {
        var outer = new TensorArena();
        using (outer.Activate())
        {
            var act = () => new TensorArena().Activate();

            act.Should().Throw<InvalidOperationException>().WithMessage("*already open*");
        }

        using (new TensorArena().Activate())
        {
        }
    }
}
