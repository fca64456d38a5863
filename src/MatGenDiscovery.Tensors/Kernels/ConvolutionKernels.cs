namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>
/// 2-D convolution (cross-correlation, no bias) in NCHW layout by im2col + GEMM, parallel over the batch.
/// See <see cref="ConvolutionGeometry"/> for the formula and layouts. Every method overwrites its destination.
/// </summary>
public static unsafe class ConvolutionKernels
{
    /// <summary>Below this many floating-point operations the whole call stays on one thread.</summary>
    private const double ParallelFlopThreshold = 2e6;

    /// <summary>output = conv(input, weight).</summary>
    /// <exception cref="ArgumentException">The geometry is invalid or a span length does not match it.</exception>
    public static void Forward(ReadOnlySpan<float> input, ReadOnlySpan<float> weight, Span<float> output, in ConvolutionGeometry g)
    {
        g.Validate(input.Length, weight.Length, output.Length, nameof(input), nameof(weight), nameof(output));
        fixed (float* x = input, w = weight, y = output)
        {
            var pointers = new ConvolutionPointers(x, w, y);
            ForEachImage(g, (pointers, g), static (state, start, count, parallelGemm) =>
            {
                ConvolutionGeometry geometry = state.g;
                float* columns = KernelWorkspace.Get(WorkspaceSlot.Columns, (long)geometry.PatchLength * geometry.OutPixels);
                for (int n = start; n < start + count; n++)
                {
                    Im2Col.Unfold(state.pointers.Image(n, geometry), columns, geometry);
                    Gemm.Execute(
                        new GemmProblem(false, false, geometry.OutChannels, geometry.OutPixels, geometry.PatchLength,
                            state.pointers.Weight, geometry.PatchLength, columns, geometry.OutPixels,
                            state.pointers.Result(n, geometry), geometry.OutPixels, 1f, 0f),
                        parallelGemm);
                }
            });
        }
    }

    /// <summary>
    /// gradInput = ∂⟨conv(input, weight), gradOutput⟩/∂input, i.e. the adjoint of <see cref="Forward"/> in its input;
    /// this is also the forward pass of the transposed convolution (see <see cref="ConvolutionGeometry.ForTransposed"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The geometry is invalid or a span length does not match it.</exception>
    public static void BackwardInput(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight, Span<float> gradInput, in ConvolutionGeometry g)
    {
        g.Validate(gradInput.Length, weight.Length, gradOutput.Length, nameof(gradInput), nameof(weight), nameof(gradOutput));
        fixed (float* dx = gradInput, w = weight, dy = gradOutput)
        {
            var pointers = new ConvolutionPointers(dx, w, dy);
            ForEachImage(g, (pointers, g), static (state, start, count, parallelGemm) =>
            {
                ConvolutionGeometry geometry = state.g;
                float* columns = KernelWorkspace.Get(WorkspaceSlot.Columns, (long)geometry.PatchLength * geometry.OutPixels);
                for (int n = start; n < start + count; n++)
                {
                    Gemm.Execute(
                        new GemmProblem(true, false, geometry.PatchLength, geometry.OutPixels, geometry.OutChannels,
                            state.pointers.Weight, geometry.PatchLength, state.pointers.Result(n, geometry), geometry.OutPixels,
                            columns, geometry.OutPixels, 1f, 0f),
                        parallelGemm);
                    Im2Col.Fold(columns, state.pointers.Image(n, geometry), geometry);
                }
            });
        }
    }

    /// <summary>gradWeight = ∂⟨conv(input, weight), gradOutput⟩/∂weight, summed over the batch.</summary>
    /// <exception cref="ArgumentException">The geometry is invalid or a span length does not match it.</exception>
    public static void BackwardWeight(ReadOnlySpan<float> input, ReadOnlySpan<float> gradOutput, Span<float> gradWeight, in ConvolutionGeometry g)
    {
        g.Validate(input.Length, gradWeight.Length, gradOutput.Length, nameof(input), nameof(gradWeight), nameof(gradOutput));
        if (g.Batch == 0)
        {
            gradWeight.Clear();
            return;
        }

        int parts = PartCount(g);
        int weightLength = g.WeightLength;
        float* partials = parts > 1 ? KernelWorkspace.Get(WorkspaceSlot.PartialSum, (long)(parts - 1) * weightLength) : null;
        fixed (float* x = input, dw = gradWeight, dy = gradOutput)
        {
            var pointers = new ConvolutionPointers(x, dw, dy);
            ForEachImage(g, (pointers, g, partials: (nint)partials, chunk: ChunkSize(g.Batch, parts)), static (state, start, count, parallelGemm) =>
            {
                ConvolutionGeometry geometry = state.g;
                int part = start / state.chunk;
                float* destination = part == 0 ? state.pointers.Weight : (float*)state.partials + (nint)(part - 1) * geometry.WeightLength;
                float* columns = KernelWorkspace.Get(WorkspaceSlot.Columns, (long)geometry.PatchLength * geometry.OutPixels);
                for (int n = start; n < start + count; n++)
                {
                    Im2Col.Unfold(state.pointers.Image(n, geometry), columns, geometry);
                    Gemm.Execute(
                        new GemmProblem(false, true, geometry.OutChannels, geometry.PatchLength, geometry.OutPixels,
                            state.pointers.Result(n, geometry), geometry.OutPixels, columns, geometry.OutPixels,
                            destination, geometry.PatchLength, 1f, n == start ? 0f : 1f),
                        parallelGemm);
                }
            });

            for (int part = 1; part < parts; part++)
            {
                var partial = new ReadOnlySpan<float>(partials + (nint)(part - 1) * weightLength, weightLength);
                System.Numerics.Tensors.TensorPrimitives.Add(gradWeight, partial, gradWeight);
            }
        }
    }

    private delegate void ImageRangeAction<TState>(TState state, int start, int count, bool parallelGemm);

    /// <summary>
    /// Runs <paramref name="action"/> over contiguous ranges of images, one range per core when the work is large enough;
    /// with a single range the GEMMs themselves may use every core.
    /// </summary>
    private static void ForEachImage<TState>(in ConvolutionGeometry g, TState state, ImageRangeAction<TState> action)
    {
        int parts = PartCount(g);
        if (parts <= 1)
        {
            action(state, 0, g.Batch, true);
            return;
        }

        int chunk = ChunkSize(g.Batch, parts);
        int batch = g.Batch;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            int start = part * chunk;
            action(state, start, Math.Min(chunk, batch - start), false);
        });
    }

    private static int PartCount(in ConvolutionGeometry g)
    {
        double flops = 2.0 * g.Batch * g.OutChannels * g.PatchLength * g.OutPixels;
        if (g.Batch < 2 || flops < ParallelFlopThreshold)
        {
            return 1;
        }

        int parts = Math.Min(Environment.ProcessorCount, g.Batch);
        return (g.Batch + ChunkSize(g.Batch, parts) - 1) / ChunkSize(g.Batch, parts);
    }

    private static int ChunkSize(int batch, int parts) => (batch + parts - 1) / parts;

    /// <summary>Pinned base pointers: Images holds the [N,C,H,W] side, Results the [N,O,outH,outW] side.</summary>
    private readonly struct ConvolutionPointers(float* images, float* weight, float* results)
    {
        public float* Weight { get; } = weight;

        public float* Image(int n, in ConvolutionGeometry g) => images + (nint)n * g.InChannels * g.InHeight * g.InWidth;

        public float* Result(int n, in ConvolutionGeometry g) => results + (nint)n * g.OutChannels * g.OutPixels;
    }
}
