namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>
/// 2-D convolution (cross-correlation, no bias) in NCHW layout by im2col + GEMM, parallel over the batch.
/// See <see cref="ConvolutionGeometry"/> for the formula and layouts. Every method overwrites its destination.
/// </summary>
/// <remarks>
/// The patch matrices of a group of images are laid side by side so that each GEMM has about
/// <see cref="TargetGemmColumns"/> columns: MatGAN's images are small (24 to 680 output pixels), and one GEMM
/// per image would spend as long packing the weight as multiplying with it.
/// </remarks>
public static unsafe class ConvolutionKernels
{
    /// <summary>Below this many floating-point operations the whole call stays on one thread.</summary>
    private const double ParallelFlopThreshold = 2e6;

    private const int TargetGemmColumns = 1024;

    /// <summary>Upper bound on a group's patch matrix, in floats (4 MiB): large enough that even the 5×5 64-channel layer groups several images, so its GEMM has whole column panels; the GEMM packs it in L2-sized blocks.</summary>
    private const long MaxPatchFloats = 1 << 20;

    /// <summary>output = conv(input, weight).</summary>
    /// <exception cref="ArgumentException">The geometry is invalid or a span length does not match it.</exception>
    public static void Forward(ReadOnlySpan<float> input, ReadOnlySpan<float> weight, Span<float> output, in ConvolutionGeometry g)
    {
        g.Validate(input.Length, weight.Length, output.Length, nameof(input), nameof(weight), nameof(output));
        fixed (float* x = input, w = weight, y = output)
        {
            float* packedWeight = PackWeight(new GemmProblem(false, false, g.OutChannels, 0, g.PatchLength, w, g.PatchLength, null, 1, null, 1, 1f, 0f));
            ForEachGroup(new ConvolutionPointers(x, packedWeight, y, g), static (in ConvolutionPointers p, int start, int count, int part, bool parallelGemm) =>
            {
                ConvolutionGeometry g = p.Geometry;
                int columns = count * g.OutPixels;
                float* patches = KernelWorkspace.Get(WorkspaceSlot.Columns, (long)g.PatchLength * columns);
                for (int i = 0; i < count; i++)
                {
                    Im2Col.Unfold(p.Image(start + i), patches + (nint)i * g.OutPixels, columns, g);
                }

                float* product = count == 1 ? p.Result(start) : KernelWorkspace.Get(WorkspaceSlot.Gathered, (long)g.OutChannels * columns);
                Gemm.Execute(
                    new GemmProblem(false, false, g.OutChannels, columns, g.PatchLength, null, g.PatchLength, patches, columns, product, columns, 1f, 0f, p.Weight),
                    parallelGemm);
                if (count > 1)
                {
                    Regroup(product, p.Result(start), count, g, toImages: true);
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
            float* packedWeight = PackWeight(new GemmProblem(true, false, g.PatchLength, 0, g.OutChannels, w, g.PatchLength, null, 1, null, 1, 1f, 0f));
            ForEachGroup(new ConvolutionPointers(dx, packedWeight, dy, g), static (in ConvolutionPointers p, int start, int count, int part, bool parallelGemm) =>
            {
                ConvolutionGeometry g = p.Geometry;
                int columns = count * g.OutPixels;
                float* gradients = GatherResults(p, start, count);
                float* patches = KernelWorkspace.Get(WorkspaceSlot.Columns, (long)g.PatchLength * columns);
                Gemm.Execute(
                    new GemmProblem(true, false, g.PatchLength, columns, g.OutChannels, null, g.PatchLength, gradients, columns, patches, columns, 1f, 0f, p.Weight),
                    parallelGemm);
                for (int i = 0; i < count; i++)
                {
                    Im2Col.Fold(patches + (nint)i * g.OutPixels, columns, p.Image(start + i), g);
                }
            });
        }
    }

    /// <summary>gradWeight = ∂⟨conv(input, weight), gradOutput⟩/∂weight, summed over the batch.</summary>
    /// <exception cref="ArgumentException">The geometry is invalid or a span length does not match it.</exception>
    public static void BackwardWeight(ReadOnlySpan<float> input, ReadOnlySpan<float> gradOutput, Span<float> gradWeight, in ConvolutionGeometry g)
    {
        g.Validate(input.Length, gradWeight.Length, gradOutput.Length, nameof(input), nameof(gradWeight), nameof(gradOutput));
        gradWeight.Clear();
        int parts = PartCount(g);
        float* partials = parts > 1 ? KernelWorkspace.Get(WorkspaceSlot.PartialSum, (long)(parts - 1) * g.WeightLength) : null;
        new Span<float>(partials, (parts - 1) * g.WeightLength).Clear();
        fixed (float* x = input, dw = gradWeight, dy = gradOutput)
        {
            var pointers = new ConvolutionPointers(x, dw, dy, g, partials);
            ForEachGroup(pointers, static (in ConvolutionPointers p, int start, int count, int part, bool parallelGemm) =>
            {
                ConvolutionGeometry g = p.Geometry;
                int columns = count * g.OutPixels;
                float* patches = KernelWorkspace.Get(WorkspaceSlot.Columns, (long)g.PatchLength * columns);
                for (int i = 0; i < count; i++)
                {
                    Im2Col.Unfold(p.Image(start + i), patches + (nint)i * g.OutPixels, columns, g);
                }

                float* gradients = GatherResults(p, start, count);
                float* destination = part == 0 ? p.Weight : p.Partials + (nint)(part - 1) * g.WeightLength;
                Gemm.Execute(
                    new GemmProblem(false, true, g.OutChannels, g.PatchLength, columns, gradients, columns, patches, columns, destination, g.PatchLength, 1f, 1f),
                    parallelGemm);
            });

            for (int part = 1; part < parts; part++)
            {
                var partial = new ReadOnlySpan<float>(partials + (nint)(part - 1) * g.WeightLength, g.WeightLength);
                System.Numerics.Tensors.TensorPrimitives.Add(gradWeight, partial, gradWeight);
            }
        }
    }

    /// <summary>
    /// Packs the weight operand once for the whole batch (into the calling thread's workspace, read by every worker);
    /// <paramref name="weightOperand"/> describes only A.
    /// </summary>
    private static float* PackWeight(in GemmProblem weightOperand)
    {
        float* packed = KernelWorkspace.Get(WorkspaceSlot.PackedWeight, Gemm.PackedALength(weightOperand.M, weightOperand.K));
        Gemm.PackA(weightOperand, packed);
        return packed;
    }

    private delegate void GroupAction(in ConvolutionPointers pointers, int start, int count, int part, bool parallelGemm);

    /// <summary>
    /// Splits the batch into one contiguous range per core when the work is large enough (part = range index), and each range
    /// into groups of images; with a single range the GEMMs themselves may use every core.
    /// </summary>
    private static void ForEachGroup(ConvolutionPointers pointers, GroupAction action)
    {
        ConvolutionGeometry g = pointers.Geometry;
        int parts = PartCount(g);
        int chunk = ChunkSize(g.Batch, parts);
        int groupSize = GroupSize(g);
        if (parts <= 1)
        {
            RunRange(pointers, action, 0, g.Batch, 0, groupSize, parallelGemm: true);
            return;
        }

        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            int start = part * chunk;
            RunRange(pointers, action, start, Math.Min(chunk, g.Batch - start), part, groupSize, parallelGemm: false);
        });
    }

    private static void RunRange(in ConvolutionPointers pointers, GroupAction action, int start, int count, int part, int groupSize, bool parallelGemm)
    {
        for (int offset = 0; offset < count; offset += groupSize)
        {
            action(pointers, start + offset, Math.Min(groupSize, count - offset), part, parallelGemm);
        }
    }

    /// <summary>The [count, OutChannels, OutPixels] results from <paramref name="start"/> as one [OutChannels, count·OutPixels] matrix.</summary>
    private static float* GatherResults(in ConvolutionPointers p, int start, int count)
    {
        if (count == 1)
        {
            return p.Result(start);
        }

        float* gathered = KernelWorkspace.Get(WorkspaceSlot.Gathered, (long)p.Geometry.OutChannels * count * p.Geometry.OutPixels);
        Regroup(gathered, p.Result(start), count, p.Geometry, toImages: false);
        return gathered;
    }

    /// <summary>Copies between a [OutChannels, count·OutPixels] matrix and count consecutive [OutChannels, OutPixels] images.</summary>
    private static void Regroup(float* matrix, float* images, int count, in ConvolutionGeometry g, bool toImages)
    {
        int pixels = g.OutPixels;
        for (int i = 0; i < count; i++)
        {
            for (int o = 0; o < g.OutChannels; o++)
            {
                var inMatrix = new Span<float>(matrix + ((nint)o * count + i) * pixels, pixels);
                var inImages = new Span<float>(images + ((nint)i * g.OutChannels + o) * pixels, pixels);
                if (toImages)
                {
                    inMatrix.CopyTo(inImages);
                }
                else
                {
                    inImages.CopyTo(inMatrix);
                }
            }
        }
    }

    private static int GroupSize(in ConvolutionGeometry g)
    {
        int byColumns = (TargetGemmColumns + g.OutPixels - 1) / g.OutPixels;
        long byMemory = MaxPatchFloats / ((long)g.PatchLength * g.OutPixels);
        return (int)Math.Max(1, Math.Min(byColumns, byMemory));
    }

    private static int PartCount(in ConvolutionGeometry g)
    {
        double flops = 2.0 * g.Batch * g.OutChannels * g.PatchLength * g.OutPixels;
        if (g.Batch < 2 || flops < ParallelFlopThreshold)
        {
            return 1;
        }

        int chunk = ChunkSize(g.Batch, Math.Min(Environment.ProcessorCount, g.Batch));
        return (g.Batch + chunk - 1) / chunk;
    }

    private static int ChunkSize(int batch, int parts) => (batch + parts - 1) / Math.Max(parts, 1);

    /// <summary>
    /// Pinned base pointers: images are the [N,C,H,W] side, results the [N,O,outH,outW] side; Weight is the packed
    /// weight in Forward and BackwardInput and the gradient destination in BackwardWeight.
    /// </summary>
    private readonly struct ConvolutionPointers(float* images, float* weight, float* results, ConvolutionGeometry geometry, float* partials = null)
    {
        public ConvolutionGeometry Geometry { get; } = geometry;

        public float* Weight { get; } = weight;

        /// <summary>BackwardWeight only: one extra weight-sized accumulator per range after the first.</summary>
        public float* Partials { get; } = partials;

        public float* Image(int n) => images + (nint)n * Geometry.InChannels * Geometry.InHeight * Geometry.InWidth;

        public float* Result(int n) => results + (nint)n * Geometry.OutChannels * Geometry.OutPixels;
    }
}
