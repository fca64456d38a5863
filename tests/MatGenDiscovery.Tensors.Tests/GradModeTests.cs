using MatGenDiscovery.Tensors.Operations.Reductions;

namespace MatGenDiscovery.Tensors.Tests;

public class GradModeTests
{
    [Fact]
    public void Disable_Nested_RestoresOnlyAfterOutermostScope()
    {
        using (GradMode.Disable())
        {
            using (GradMode.Disable())
            {
                GradMode.IsEnabled.Should().BeFalse();
            }

            GradMode.IsEnabled.Should().BeFalse();
        }

        GradMode.IsEnabled.Should().BeTrue();
    }

    [Fact]
    public void Disable_OnOneThread_DoesNotAffectAnother()
    {
        using (Tensor.NoGrad())
        {
            var otherThread = false;
            var thread = new Thread(() => otherThread = GradMode.IsEnabled);
            thread.Start();
            thread.Join();

            otherThread.Should().BeTrue();
            GradMode.IsEnabled.Should().BeFalse();
        }
    }

    [Fact]
    public void CreateGraphInsideNoGrad_StillRecordsGradientAndRestoresMode()
    {
        var x = Tensor.FromArray([2f], 1);
        x.RequiresGrad = true;
        var total = (x * x * x).Sum();

        Tensor gradient;
        using (Tensor.NoGrad())
        {
            gradient = Autograd.Grad(total, [x], createGraph: true)[0];
            GradMode.IsEnabled.Should().BeFalse();
        }

        gradient.RequiresGrad.Should().BeTrue();
        Autograd.Grad(gradient.Sum(), [x])[0].Item().Should().BeApproximately(12f, 1e-5f);
    }
}
