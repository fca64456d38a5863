using MatGenDiscovery.Tensors.Diagnostics;
using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.LinearAlgebra;
using MatGenDiscovery.Tensors.Operations.Reductions;

namespace MatGenDiscovery.Tensors.Tests.Diagnostics;

public class OperationProfilerTests
{
    [Fact]
    public void Stop_AfterLinearBackward_CountsForwardBackwardAndNestedProducts()
    {
        var random = new Random(5);
        var x = Tensor.Randn(random, 8, 6);
        var weight = Tensor.Randn(random, 4, 6);
        weight.RequiresGrad = true;

        OperationProfiler.Start();
        x.Linear(weight).LeakyRelu(0.2f).Sum().Backward();
        var profile = OperationProfiler.Stop();

        var calls = profile.Operations.ToDictionary(o => o.Name, o => o.Calls);
        calls.Should().Contain("Linear", 1).And.Contain("LeakyRelu", 1).And.Contain("Sum", 1);
        calls.Should().Contain("Linear.Backward", 1).And.Contain("LeakyRelu.Backward", 1).And.Contain("Autograd.Backward", 1);
        calls.Should().Contain("MatMul", 1, "the weight gradient is a matrix product nested inside Linear.Backward");
        weight.Grad.Should().NotBeNull();
    }

    [Fact]
    public void Stop_ExclusiveTimes_AddUpToAtMostTheElapsedTime()
    {
        var x = Tensor.Randn(new Random(1), 64, 64);
        x.RequiresGrad = true;

        OperationProfiler.Start();
        for (var i = 0; i < 5; i++)
        {
            (x * x + x).Sum().Backward();
        }

        var profile = OperationProfiler.Stop();

        var attributed = profile.Operations.Aggregate(TimeSpan.Zero, (sum, o) => sum + o.Time);
        attributed.Should().BeLessThanOrEqualTo(profile.Elapsed);
        profile.Operations.Should().OnlyContain(o => o.Time >= TimeSpan.Zero && o.Calls > 0);
        profile.Operations.Single(o => o.Name == "Multiply").Calls.Should().Be(5 + 10, "five forwards and two gradient products per backward");
        profile.Operations.Should().BeInDescendingOrder(o => o.Time);
    }

    [Fact]
    public void Stop_OperationsOutsideProfiling_AreNotRecorded()
    {
        var x = Tensor.Randn(new Random(2), 4, 4);
        _ = x * x;

        OperationProfiler.Start();
        var profile = OperationProfiler.Stop();

        OperationProfiler.IsEnabled.Should().BeFalse();
        profile.Operations.Should().BeEmpty();
        _ = x * x;
        OperationProfiler.IsEnabled.Should().BeFalse();
    }

    [Fact]
    public void Stop_OnlyTheStartingThread_IsRecorded()
    {
        var x = Tensor.Randn(new Random(3), 4, 4);

        OperationProfiler.Start();
        var other = new Thread(() => _ = x * x);
        other.Start();
        other.Join();
        var profile = OperationProfiler.Stop();

        profile.Operations.Should().NotContain(o => o.Name == "Multiply");
    }

    [Fact]
    public void Start_WhileRunning_Throws()
    {
        OperationProfiler.Start();
        try
        {
            var act = OperationProfiler.Start;

            act.Should().Throw<InvalidOperationException>().WithMessage("*already running*");
        }
        finally
        {
            OperationProfiler.Stop();
        }
    }

    [Fact]
    public void Stop_WhenNotRunning_Throws()
    {
        var act = () => OperationProfiler.Stop();

        act.Should().Throw<InvalidOperationException>().WithMessage("*not running*");
    }

    [Fact]
    public void Format_PerStep_ListsOperationsAndTotals()
    {
        var x = Tensor.Randn(new Random(4), 16, 16);

        OperationProfiler.Start();
        _ = x.Sigmoid();
        _ = x.Sigmoid();
        var text = OperationProfiler.Stop().Format(steps: 2);

        text.Should().Contain("Sigmoid").And.Contain("(total)").And.Contain("(outside operations)");
        text.Split('\n').Single(line => line.StartsWith("Sigmoid", StringComparison.Ordinal)).Should().Contain(" 1.0 ");
    }

    [Fact]
    public void Format_NonPositiveSteps_Throws()
    {
        OperationProfiler.Start();
        var profile = OperationProfiler.Stop();

        var act = () => profile.Format(0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
