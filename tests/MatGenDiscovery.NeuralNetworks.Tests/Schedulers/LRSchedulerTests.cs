using MatGenDiscovery.NeuralNetworks.Optimizers;
using MatGenDiscovery.NeuralNetworks.Schedulers;
using MatGenDiscovery.NeuralNetworks.Tests.Optimizers;

namespace MatGenDiscovery.NeuralNetworks.Tests.Schedulers;

public class LRSchedulerTests
{
    private static SGD Optimizer() => new([Tensor.Zeros(1).WithGrad()], 0.1f);

    private static List<float> Rates(LRScheduler scheduler, int epochs)
    {
        var rates = new List<float> { scheduler.Optimizer.LearningRate };
        for (var i = 0; i < epochs; i++)
        {
            scheduler.Step();
            rates.Add(scheduler.Optimizer.LearningRate);
        }

        return rates;
    }

    private static void ShouldBeClose(List<float> actual, params double[] expected) =>
        actual.Zip(expected).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 1e-7);

    [Fact]
    public void StepLR_DecaysEveryStepSizeEpochs()
    {
        ShouldBeClose(Rates(new StepLR(Optimizer(), 2, 0.5f), 5), 0.1, 0.1, 0.05, 0.05, 0.025, 0.025);
    }

    [Fact]
    public void ExponentialLR_DecaysEveryEpoch()
    {
        ShouldBeClose(Rates(new ExponentialLR(Optimizer(), 0.9f), 3), 0.1, 0.09, 0.081, 0.0729);
    }

    [Fact]
    public void CosineAnnealingLR_FollowsHalfCosineToMinimum()
    {
        var rates = Rates(new CosineAnnealingLR(Optimizer(), 4, 0.02f), 4);

        ShouldBeClose(rates, 0.1, 0.02 + 0.08 * (1 + Math.Cos(Math.PI / 4)) / 2, 0.06, 0.02 + 0.08 * (1 + Math.Cos(3 * Math.PI / 4)) / 2, 0.02);
    }

    [Fact]
    public void LinearWarmupLR_RampsFromStartFactorThenHolds()
    {
        ShouldBeClose(Rates(new LinearWarmupLR(Optimizer(), 4, 0.2f), 6), 0.02, 0.04, 0.06, 0.08, 0.1, 0.1, 0.1);
    }

    [Fact]
    public void Constructors_BadArguments_Throw()
    {
        FluentActions.Invoking(() => new StepLR(Optimizer(), 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new LinearWarmupLR(Optimizer(), 3, 0f)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Start factor*");
    }
}
