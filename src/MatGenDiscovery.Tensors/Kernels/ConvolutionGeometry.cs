namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>
/// Shapes of one 2-D convolution (cross-correlation) in NCHW layout:
/// input [Batch, InChannels, InHeight, InWidth], weight [OutChannels, InChannels, KernelHeight, KernelWidth],
/// output [Batch, OutChannels, OutHeight, OutWidth], with
/// output[n,o,y,x] = Σ_{c,i,j} weight[o,c,i,j] · input[n, c, y·StrideHeight − PadTop + i, x·StrideWidth − PadLeft + j],
/// where input pixels outside the image count as zero. Padding at the bottom/right is implied by the output size,
/// so it may differ from PadTop/PadLeft (TensorFlow SAME puts the odd pixel at the end).
/// </summary>
public readonly record struct ConvolutionGeometry(
    int Batch, int InChannels, int InHeight, int InWidth,
    int OutChannels, int KernelHeight, int KernelWidth,
    int StrideHeight, int StrideWidth, int PadTop, int PadLeft,
    int OutHeight, int OutWidth)
{
    public int InputLength => Batch * InChannels * InHeight * InWidth;

    public int WeightLength => OutChannels * InChannels * KernelHeight * KernelWidth;

    public int OutputLength => Batch * OutChannels * OutHeight * OutWidth;

    /// <summary>Rows of the im2col matrix: InChannels·KernelHeight·KernelWidth.</summary>
    public int PatchLength => InChannels * KernelHeight * KernelWidth;

    /// <summary>Columns of the im2col matrix of one image: OutHeight·OutWidth.</summary>
    public int OutPixels => OutHeight * OutWidth;

    /// <summary>
    /// TensorFlow SAME padding: out = ceil(in / stride), total pad = max((out − 1)·stride + kernel − in, 0),
    /// of which total/2 goes before (top/left) and the rest after.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size or stride is not positive.</exception>
    public static ConvolutionGeometry Same(
        int batch, int inChannels, int inHeight, int inWidth,
        int outChannels, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideWidth);
        (int outHeight, int padTop) = SameAxis(inHeight, kernelHeight, strideHeight);
        (int outWidth, int padLeft) = SameAxis(inWidth, kernelWidth, strideWidth);
        return new ConvolutionGeometry(
            batch, inChannels, inHeight, inWidth, outChannels, kernelHeight, kernelWidth,
            strideHeight, strideWidth, padTop, padLeft, outHeight, outWidth);
    }

    /// <summary>
    /// TensorFlow <c>conv2d_transpose</c> with SAME padding and an explicit output shape, mapping
    /// [batch, inChannels, inHeight, inWidth] to [batch, outChannels, outputHeight, outputWidth].
    /// It is the adjoint of the SAME convolution from the (outputHeight, outputWidth) image to the
    /// (inHeight, inWidth) one, and the returned geometry describes that forward convolution, so the roles swap:
    /// InChannels = <paramref name="outChannels"/>, InHeight × InWidth = outputHeight × outputWidth,
    /// OutChannels = <paramref name="inChannels"/>, OutHeight × OutWidth = inHeight × inWidth.
    /// The transposed convolution is then <see cref="ConvolutionKernels.BackwardInput"/> with its input as gradOutput,
    /// and its weight laid out [inChannels, outChannels, kernelHeight, kernelWidth] (PyTorch's ConvTranspose2d layout).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size or stride is not positive.</exception>
    /// <exception cref="ArgumentException">ceil(output / stride) differs from the input size along an axis, so SAME padding cannot produce that output.</exception>
    public static ConvolutionGeometry ForTransposed(
        int batch, int inChannels, int inHeight, int inWidth,
        int outChannels, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth,
        int outputHeight, int outputWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputWidth);
        ConvolutionGeometry forward = Same(batch, outChannels, outputHeight, outputWidth, inChannels, kernelHeight, kernelWidth, strideHeight, strideWidth);
        if (forward.OutHeight != inHeight || forward.OutWidth != inWidth)
        {
            throw new ArgumentException(
                $"A SAME transposed convolution with stride ({strideHeight}, {strideWidth}) cannot map a {inHeight}×{inWidth} input to a " +
                $"{outputHeight}×{outputWidth} output: ceil(output / stride) is {forward.OutHeight}×{forward.OutWidth}, which must equal the input size.",
                nameof(outputHeight));
        }

        return forward;
    }

    /// <exception cref="ArgumentException">A size is not positive, the padding is negative, or a span length does not match.</exception>
    internal void Validate(int inputLength, int weightLength, int outputLength, string inputName, string weightName, string outputName)
    {
        if (Batch < 0 || InChannels <= 0 || InHeight <= 0 || InWidth <= 0 || OutChannels <= 0 || KernelHeight <= 0 || KernelWidth <= 0
            || StrideHeight <= 0 || StrideWidth <= 0 || OutHeight <= 0 || OutWidth <= 0 || PadTop < 0 || PadLeft < 0)
        {
            throw new ArgumentException($"Invalid convolution geometry {this}: sizes and strides must be positive, padding non-negative.", nameof(ConvolutionGeometry));
        }

        RequireLength(inputName, inputLength, InputLength, "[Batch, InChannels, InHeight, InWidth]");
        RequireLength(weightName, weightLength, WeightLength, "[OutChannels, InChannels, KernelHeight, KernelWidth]");
        RequireLength(outputName, outputLength, OutputLength, "[Batch, OutChannels, OutHeight, OutWidth]");
    }

    private static void RequireLength(string name, int actual, int expected, string shape)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Span '{name}' has {actual} elements but the geometry's {shape} needs exactly {expected}.", name);
        }
    }

    private static (int Out, int PadBefore) SameAxis(int size, int kernel, int stride)
    {
        int output = (size + stride - 1) / stride;
        int totalPad = Math.Max((output - 1) * stride + kernel - size, 0);
        return (output, totalPad / 2);
    }
}
