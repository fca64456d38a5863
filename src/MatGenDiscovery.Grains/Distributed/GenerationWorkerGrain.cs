using MatGenDiscovery.Grains.Contracts.Generators;
using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Distributed;

public sealed class GenerationWorkerGrain : Grain, IGenerationWorkerGrain
{
    public async Task<CandidateBatch> GenerateAsync(GenerationBatch batch)
    {
        var generator = GrainFactory.GetGrain<IGeneratorGrain>(batch.GeneratorId);

        // Random generators are rebuilt from the spec; model generators load the requested step's checkpoint blob,
        // which the campaign host wrote when it prepared or fine-tuned them.
        if (batch.Spec.Kind == "random")
        {
            await generator.PrepareAsync(batch.Spec);
        }

        return await generator.GenerateAsync(batch.Request);
    }
}
