using BenchmarkDotNet.Attributes;
using MatGenDiscovery.NeuralNetworks.Benchmarks;
using MatGenDiscovery.NeuralNetworks.Training;
using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Benchmarks;

/// <summary>
/// One WGAN-GP train step (critic update with the create-graph gradient penalty, then generator update, both Adam)
/// at batch 64, the workload of <c>matgen bench train-step</c> and experiments/reference/torch_bench.py.
/// samples/s = 64 / mean time. Allocations are reported because they drive the step's GC cost.
/// </summary>
[MemoryDiagnoser]
[GcConcurrent(false)]
public class TrainStepBenchmarks
{
    private const int Batch = 64;

    private WganGpTrainer _trainer = null!;
    private Tensor _pool = null!;
    private int _offset;

    [Params(TrainStepModel.Mlp, TrainStepModel.MatGanMp)]
    public TrainStepModel Model { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _trainer = TrainStepBenchmark.CreateTrainer(Model, seed: 0);
        _pool = TrainStepBenchmark.CreatePool(Model, Batch, seed: 7);
        _offset = 0;
    }

    [Benchmark]
    public WganGpStepResult Step()
    {
        var real = _pool.Narrow(0, _offset, Batch);
        _offset = (_offset + Batch) % _pool.Size(0);
        return _trainer.Step(real);
    }
}
