using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.Reductions;

namespace MatGenDiscovery.Tensors.Tests;

public class AutogradTests
{
    [Fact]
    public void Backward_SharedSubexpression_AccumulatesBothPaths()
    {
        var x = Tensor.FromArray([3f], 1);
        x.RequiresGrad = true;

        var y = x * x + x;
        y.Sum().Backward();

        x.Grad!.Item().Should().BeApproximately(7f, 1e-6f);
    }

    [Fact]
    public void Backward_CalledTwice_AccumulatesIntoGrad()
    {
        var x = Tensor.FromArray([2f, -1f], 2);
        x.RequiresGrad = true;

        (x * 3f).Sum().Backward();
        (x * 3f).Sum().Backward();

        x.Grad!.ToArray().Should().Equal(6f, 6f);
    }

    [Fact]
    public void Backward_SameGradientToTwoLeaves_GradsDoNotAlias()
    {
        var a = Tensor.Ones(2);
        var b = Tensor.Ones(2);
        a.RequiresGrad = b.RequiresGrad = true;

        (a + b).Sum().Backward();
        a.Grad!.AsSpan().Clear();

        b.Grad!.ToArray().Should().Equal(1f, 1f);
    }

    [Fact]
    public void Backward_FanOutThroughSharedIntermediate_SumsPathsWithoutAliasing()
    {
        var a = Tensor.FromArray([1f, 2f], 2);
        var b = Tensor.FromArray([3f, 4f], 2);
        a.RequiresGrad = b.RequiresGrad = true;
        var h = a + b;

        (h + h * 2f + h).Sum().Backward();
        a.Grad!.AsSpan().Clear();

        b.Grad!.ToArray().Should().Equal(4f, 4f);
    }

    [Fact]
    public void Backward_NonScalarWithoutSeed_Throws()
    {
        var x = Tensor.Ones(2);
        x.RequiresGrad = true;

        var act = () => (x * 2f).Backward();

        act.Should().Throw<InvalidOperationException>().WithMessage("*scalar*[2]*");
    }

    [Fact]
    public void Backward_WithSeed_ScalesGradient()
    {
        var x = Tensor.Ones(2);
        x.RequiresGrad = true;

        (x * 2f).Backward(Tensor.FromArray([1f, 10f], 2));

        x.Grad!.ToArray().Should().Equal(2f, 20f);
    }

    [Fact]
    public void NoGrad_RecordsNothing()
    {
        var x = Tensor.Ones(2);
        x.RequiresGrad = true;

        Tensor y;
        using (Tensor.NoGrad())
        {
            y = (x * 2f).Exp().Sum();
        }

        y.RequiresGrad.Should().BeFalse();
        y.IsLeaf.Should().BeTrue();
        GradMode.IsEnabled.Should().BeTrue();
    }

    [Fact]
    public void Grad_DoesNotTouchGradAndIgnoresUnrelatedInputs()
    {
        var x = Tensor.FromArray([2f], 1);
        var unrelated = Tensor.FromArray([5f], 1);
        x.RequiresGrad = unrelated.RequiresGrad = true;

        var gradients = Autograd.Grad((x * x).Sum(), [x, unrelated]);

        gradients[0].Item().Should().Be(4f);
        gradients[1].Item().Should().Be(0f);
        x.Grad.Should().BeNull();
        gradients[0].RequiresGrad.Should().BeFalse();
    }

    [Fact]
    public void Grad_OnlyVisitsNodesOnPathsToInputs()
    {
        var x = Tensor.FromArray([2f], 1);
        var other = Tensor.FromArray([1f], 1);
        x.RequiresGrad = other.RequiresGrad = true;
        var visitedOtherBranch = false;
        var branch = other.Exp();
        branch.Node.Should().NotBeNull();
        var spy = Tensor.FromArray([0f], 1);
        Autograd.Record(spy, "Spy", [branch], (g, _, grads) =>
        {
            visitedOtherBranch = true;
            grads[0] = g;
        });

        Autograd.Grad((x * 3f + spy).Sum(), [x]);

        visitedOtherBranch.Should().BeFalse();
    }

    [Fact]
    public void Grad_CreateGraph_GivesSecondDerivativeOfCube()
    {
        var x = Tensor.FromArray([1.5f], 1);
        x.RequiresGrad = true;

        var first = Autograd.Grad((x * x * x).Sum(), [x], createGraph: true)[0];
        var second = Autograd.Grad(first.Sum(), [x])[0];

        first.Item().Should().BeApproximately(3f * 1.5f * 1.5f, 1e-5f);
        second.Item().Should().BeApproximately(6f * 1.5f, 1e-5f);
    }

    [Fact]
    public void Grad_OutputWithoutGraph_ThrowsClearly()
    {
        var act = () => Autograd.Grad(Tensor.Scalar(1f), [Tensor.Scalar(2f)]);

        act.Should().Throw<InvalidOperationException>().WithMessage("*does not require grad*");
    }

    [Fact]
    public void Backward_DeepChain_DoesNotOverflowStack()
    {
        var x = Tensor.Ones(1);
        x.RequiresGrad = true;
        var y = x;
        for (var i = 0; i < 20_000; i++)
        {
            y = y + 0f;
        }

        y.Sum().Backward();

        x.Grad!.Item().Should().Be(1f);
    }
}
