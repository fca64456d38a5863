using MatGenDiscovery.NeuralNetworks.Benchmarks;

namespace MatGenDiscovery.NeuralNetworks.Tests.Benchmarks;

public class TrainStepBenchmarkTests
{
    [Fact]
    public void OneHotMatrices_EveryElementRowHasExactlyOneCount()
    {
        var matrices = SyntheticCompositions.OneHotMatrices(new Random(1), 10, 85, 8, presence: 0.2f).Reshape(10 * 85, 8);

        matrices.Sum([1], keepDim: false).ToArray().Should().OnlyContain(v => v == 1f);
        var present = matrices.Narrow(1, 1, 7).Sum().Item();
        present.Should().BeInRange(0.1f * 850, 0.3f * 850);
    }

    [Fact]
    public void Run_MatGanMpTinyBatch_ReportsPositiveThroughput()
    {
        var result = TrainStepBenchmark.Run(TrainStepModel.MatGanMp, batch: 2, steps: 1, warmup: 0);

        result.SamplesPerSecond.Should().BePositive();
        result.Seconds.Should().BePositive();
        TrainStepBenchmark.CreatePool(TrainStepModel.MatGanMp, 2, 0).Shape.Should().Equal(32, 1, 85, 8);
    }

    [Fact]
    public void Profile_MlpOneStep_RecordsLayersBackwardAndOptimizer()
    {
        var profile = TrainStepBenchmark.Profile(TrainStepModel.Mlp, batch: 4, steps: 1, warmup: 0);

        var calls = profile.Operations.ToDictionary(o => o.Name, o => o.Calls);
        calls.Should().Contain("Adam.Step", 2, "one critic and one generator update");
        calls.Should().ContainKeys("Linear", "Linear.Backward", "LeakyRelu", "BatchNorm", "Autograd.Grad", "Autograd.Backward");
        profile.Elapsed.Should().BePositive();
        profile.AllocatedBytes.Should().BePositive();
        MatGenDiscovery.Tensors.Diagnostics.OperationProfiler.IsEnabled.Should().BeFalse();
    }
}
