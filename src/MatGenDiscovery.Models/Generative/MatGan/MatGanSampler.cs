using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Models.Representations;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Generative.MatGan;

/// <summary>
/// Batched MatGAN generation: per chunk, z ~ N(0, I) from (seed, chunk), one no-grad eval-mode forward pass, a
/// parallel threshold decode to (Z, count) lists, then deduplication and validation in sample order.
/// </summary>
public static class MatGanSampler
{
    public static GeneratedSet Generate(Module generator, int latentSize, GenerationRequest request)
    {
        var elements = new MatGanCountMatrix().Elements.Select(e => e.AtomicNumber).ToArray();
        var collector = new CompositionCollector();
        var atomicNumbers = new int[request.ChunkSize * MatGanModel.MaxElements];
        var counts = new int[request.ChunkSize * MatGanModel.MaxElements];
        var arities = new int[request.ChunkSize];
        var wasTraining = generator.Training;
        generator.Eval();
        try
        {
            for (var (start, chunk) = (0, 0); start < request.Count; start += request.ChunkSize, chunk++)
            {
                var size = Math.Min(request.ChunkSize, request.Count - start);
                Tensor output;
                using (Tensor.NoGrad())
                {
                    output = generator.Forward(Tensor.Randn(StepRandom.For(request.Seed, chunk), size, latentSize));
                }

                var values = output.AsReadOnlySpan().ToArray();
                Parallel.For(0, size, () => new byte[MatGanCountMatrix.ElementCount], (b, _, rowCounts) =>
                {
                    arities[b] = Decode(values.AsSpan(b * MatGanCountMatrix.Size, MatGanCountMatrix.Size), rowCounts, elements,
                        atomicNumbers.AsSpan(b * MatGanModel.MaxElements, MatGanModel.MaxElements),
                        counts.AsSpan(b * MatGanModel.MaxElements, MatGanModel.MaxElements));
                    return rowCounts;
                }, _ => { });
                for (var b = 0; b < size; b++)
                {
                    if (arities[b] == 0)
                    {
                        collector.AddRejected();
                    }
                    else
                    {
                        collector.Add(
                            atomicNumbers.AsSpan(b * MatGanModel.MaxElements, arities[b]),
                            counts.AsSpan(b * MatGanModel.MaxElements, arities[b]));
                    }
                }
            }
        }
        finally
        {
            generator.Train(wasTraining);
        }

        return collector.ToSet();
    }

    /// <summary>Threshold-decodes one matrix; returns its arity, or 0 when it has fewer than 2 or more than 8 elements.</summary>
    private static int Decode(
        ReadOnlySpan<float> matrix, Span<byte> rowCounts, int[] elements, Span<int> atomicNumbers, Span<int> counts)
    {
        var present = MatGanCountMatrix.DecodeCounts(matrix, rowCounts);
        if (present < MatGanModel.MinElements || present > MatGanModel.MaxElements)
        {
            return 0;
        }

        var arity = 0;
        for (var row = 0; row < rowCounts.Length; row++)
        {
            if (rowCounts[row] > 0)
            {
                atomicNumbers[arity] = elements[row];
                counts[arity++] = rowCounts[row];
            }
        }

        return arity;
    }
}
