using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Models.Representations;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Generative.Sampling;

/// <summary>
/// Generation for bag-of-atoms models: chunk k draws from (seed, k); each vector is cleaned up (fractions below 0.03
/// zeroed, renormalised) and rounded to whole counts by <see cref="BagOfAtoms.Decode"/>, in parallel, then
/// deduplicated in sample order.
/// </summary>
public static class BagOfAtomsSampler
{
    /// <param name="sample">Draws [count, L] vectors from the given stream.</param>
    public static GeneratedSet Generate(BagOfAtoms bag, GenerationRequest request, Func<Random, int, Tensor> sample)
    {
        var collector = new CompositionCollector();
        for (var (start, chunk) = (0, 0); start < request.Count; start += request.ChunkSize, chunk++)
        {
            var size = Math.Min(request.ChunkSize, request.Count - start);
            var values = sample(StepRandom.For(request.Seed, chunk), size).ToArray();
            var decoded = new Composition?[size];
            Parallel.For(0, size, b => decoded[b] = bag.Decode(values.AsSpan(b * bag.Length, bag.Length)));
            foreach (var composition in decoded)
            {
                collector.Add(composition);
            }
        }

        return collector.ToSet();
    }
}
