using MatGenDiscovery.Grains.Contracts.Generators;
using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Distributed;

/// <summary>
/// Stateless sampling on a worker node (key = generator id). Holds no stored state: it asks the node's own generator
/// grain, whose model is loaded from the shared checkpoint blob and cached in memory.
/// </summary>
[GrainType("generation-worker")]
public interface IGenerationWorkerGrain : IGrainWithStringKey
{
    Task<CandidateBatch> GenerateAsync(GenerationBatch batch);
}
