using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using System.Runtime.Intrinsics;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Models.Representations;
using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.Elementwise;

namespace MatGenDiscovery.Models.Generative.MatGan;

/// <summary>
/// Batched MatGAN generation as a three-stage pipeline: while the generator runs chunk k (no-grad, eval mode, its
/// intermediate results recycled by a <see cref="TensorArena"/>, the matrix products on all cores, each eval-mode
/// Linear → BatchNorm1d → ReLU tail fused into one in-place pass with bit-identical arithmetic), the noise of
/// chunk k + 1 (z ~ N(0, I) from (seed, k + 1)) is drawn and chunk k − 1 is threshold-decoded straight from its output
/// buffer into (Z, count) lists and packed keys and deduplicated in sample order. Each stage handles chunks in order,
/// so the result depends only on the seed and the chunk size, not on threading.
/// </summary>
public static class MatGanSampler
{
    public static GeneratedSet Generate(Module generator, int latentSize, GenerationRequest request)
    {
        var elements = new MatGanCountMatrix().Elements.Select(e => e.AtomicNumber).ToArray();
        var collector = new CompositionCollector();
        var chunks = (int)((request.Count + (long)request.ChunkSize - 1) / request.ChunkSize);
        var buffers = new[] { new float[request.ChunkSize * MatGanCountMatrix.Size], new float[request.ChunkSize * MatGanCountMatrix.Size] };
        var arena = new TensorArena();
        var wasTraining = generator.Training;
        generator.Eval();
        try
        {
            var fused = FusedNormalizations(generator);
            var noise = chunks == 0 ? null : Task.Run(() => Tensor.Randn(StepRandom.For(request.Seed, 0), SizeOf(request, 0), latentSize));
            var consumer = Task.CompletedTask;
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                var z = noise!.GetAwaiter().GetResult();
                var next = chunk + 1;
                noise = next < chunks
                    ? Task.Run(() => Tensor.Randn(StepRandom.For(request.Seed, next), SizeOf(request, next), latentSize))
                    : null;
                var buffer = buffers[chunk % 2];
                using (Tensor.NoGrad())
                using (arena.Activate())
                {
                    Forward(generator, fused, z).AsReadOnlySpan().CopyTo(buffer);
                }

                consumer.GetAwaiter().GetResult();
                var size = z.Size(0);
                consumer = Task.Run(() => Collect(buffer, size, elements, collector));
            }

            consumer.GetAwaiter().GetResult();
        }
        finally
        {
            generator.Train(wasTraining);
        }

        return collector.ToSet();
    }

    /// <summary>
    /// For a <see cref="Sequential"/> generator, the eval-mode BatchNorm1d layers that follow a Linear and precede a
    /// ReLU, keyed by layer index, with the per-channel scale and shift computed by the same tensor operations as
    /// <see cref="MatGenDiscovery.Tensors.Operations.Normalization.BatchNormalization.BatchNorm"/> in eval mode:
    /// scale = γ/√(σ² + eps), shift = β − μ·scale.
    /// </summary>
    private static Dictionary<int, (float[] Scale, float[] Shift)> FusedNormalizations(Module generator)
    {
        var fused = new Dictionary<int, (float[] Scale, float[] Shift)>();
        if (generator is not Sequential layers)
        {
            return fused;
        }

        using (Tensor.NoGrad())
        {
            for (var i = 1; i + 1 < layers.Count; i++)
            {
                if (layers[i - 1] is Linear && layers[i] is BatchNorm1d norm && layers[i + 1] is ReLU)
                {
                    var inverseStd = (norm.RunningVariance + norm.Epsilon).Sqrt().Reciprocal();
                    var scale = norm.Weight is null ? inverseStd : norm.Weight * inverseStd;
                    var shift = norm.Bias is null ? -(norm.RunningMean * scale) : norm.Bias - norm.RunningMean * scale;
                    fused.Add(i, (scale.ToArray(), shift.ToArray()));
                }
            }
        }

        return fused;
    }

    /// <summary>
    /// The generator's forward pass; at each fused index the Linear result is normalised and rectified in place
    /// (x·scale, + shift, max(·, 0): the same three roundings as the separate operations) and the ReLU is skipped.
    /// </summary>
    private static Tensor Forward(Module generator, Dictionary<int, (float[] Scale, float[] Shift)> fused, Tensor z)
    {
        if (fused.Count == 0)
        {
            return generator.Forward(z);
        }

        var layers = (Sequential)generator;
        var x = z;
        for (var i = 0; i < layers.Count; i++)
        {
            if (!fused.TryGetValue(i, out var affine))
            {
                x = layers[i].Forward(x);
                continue;
            }

            NormalizeRectify(x, affine.Scale, affine.Shift);
            i++;
        }

        return x;
    }

    private static void NormalizeRectify(Tensor x, float[] scale, float[] shift)
    {
        var channels = scale.Length;
        var rows = x.Size(0);
        if (x.Rank != 2 || x.Size(1) != channels)
        {
            throw new ArgumentException($"expected [N, {channels}] before the fused BatchNorm1d, got [{string.Join(", ", x.Shape)}]", nameof(x));
        }

        const int RowsPerBlock = 256;
        Parallel.For(0, (rows + RowsPerBlock - 1) / RowsPerBlock, block =>
        {
            var data = x.AsSpan();
            for (var row = block * RowsPerBlock; row < Math.Min(rows, (block + 1) * RowsPerBlock); row++)
            {
                var values = data.Slice(row * channels, channels);
                TensorPrimitives.Multiply(values, scale, values);
                TensorPrimitives.Add(values, shift, values);
                TensorPrimitives.Max(values, 0f, values);
            }
        });
    }

    private static int SizeOf(GenerationRequest request, int chunk) =>
        (int)Math.Min(request.ChunkSize, request.Count - (long)chunk * request.ChunkSize);

    /// <summary>Decodes the first <paramref name="size"/> matrices of a chunk and adds them in sample order.</summary>
    private static void Collect(float[] values, int size, int[] elements, CompositionCollector collector)
    {
        Span<int> atomicNumbers = stackalloc int[MatGanModel.MaxElements];
        Span<int> counts = stackalloc int[MatGanModel.MaxElements];
        for (var b = 0; b < size; b++)
        {
            var arity = Decode(values.AsSpan(b * MatGanCountMatrix.Size, MatGanCountMatrix.Size), elements, atomicNumbers, counts);
            if (arity <= 0)
            {
                collector.AddRejected(overMaxElements: arity < 0);
            }
            else
            {
                var z = atomicNumbers[..arity];
                var n = counts[..arity];
                collector.Add(CompositionKey.FromCounts(z, n), z, n);
            }
        }
    }

    /// <summary>
    /// Threshold-decodes one [85, 8] matrix as <see cref="MatGanCountMatrix.DecodeCounts"/> does (a row's count is the
    /// 1-based index of its last cell ≥ the threshold): one 8-wide comparison per row gives a bit mask whose highest bit
    /// is the count. Returns the arity, 0 when fewer than 2 elements are present, or −1 when more than 8 are.
    /// </summary>
    public static int Decode(ReadOnlySpan<float> matrix, int[] elements, Span<int> atomicNumbers, Span<int> counts)
    {
        var threshold = Vector256.Create(MatGanCountMatrix.DefaultThreshold);
        var arity = 0;
        for (var row = 0; row < MatGanCountMatrix.ElementCount; row++)
        {
            var mask = Vector256.GreaterThanOrEqual(Vector256.Create(matrix.Slice(row * MatGanCountMatrix.MaxCount, MatGanCountMatrix.MaxCount)), threshold)
                .ExtractMostSignificantBits();
            if (mask == 0)
            {
                continue;
            }

            if (arity == MatGanModel.MaxElements)
            {
                return -1;
            }

            atomicNumbers[arity] = elements[row];
            counts[arity++] = 32 - BitOperations.LeadingZeroCount(mask);
        }

        return arity < MatGanModel.MinElements ? 0 : arity;
    }
}
