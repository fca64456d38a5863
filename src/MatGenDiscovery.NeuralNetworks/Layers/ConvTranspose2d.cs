using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.NeuralNetworks.Layers;

/// <summary>
/// Transposed convolution of x [N, in, H, W] with W [in, out, kh, kw] (PyTorch layout) plus b [out]. Two flavours:
/// with an <c>outputSize</c> it is TensorFlow's <c>conv2d_transpose(padding='SAME', output_shape)</c> (MatGAN),
/// the adjoint of a SAME convolution from that size; otherwise PyTorch's, output (H − 1)·s + k − pads + outputPadding.
/// Default init as PyTorch: W and b ~ U(−1/√(out·kh·kw), 1/√(out·kh·kw)).
/// </summary>
public sealed class ConvTranspose2d : Module
{
    /// <summary>SAME transposed convolution to an explicit output size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A channel count, kernel size, stride or output size is not positive.</exception>
    public ConvTranspose2d(
        int inChannels, int outChannels, (int Height, int Width) kernel, (int Height, int Width) stride,
        (int Height, int Width) outputSize, Random random, bool bias = true)
        : this(inChannels, outChannels, kernel, stride, Padding2d.Same, (0, 0), CheckOutputSize(outputSize), random, bias)
    {
    }

    /// <summary>PyTorch transposed convolution with explicit padding and output padding.</summary>
    /// <exception cref="ArgumentException"><paramref name="padding"/> is SAME; use the output-size constructor.</exception>
    public ConvTranspose2d(
        int inChannels, int outChannels, (int Height, int Width) kernel, (int Height, int Width) stride,
        Padding2d padding, (int Height, int Width) outputPadding, Random random, bool bias = true)
        : this(inChannels, outChannels, kernel, stride, RejectSame(padding), outputPadding, null, random, bias)
    {
    }

    private ConvTranspose2d(
        int inChannels, int outChannels, (int Height, int Width) kernel, (int Height, int Width) stride,
        Padding2d padding, (int Height, int Width) outputPadding, (int Height, int Width)? outputSize, Random random, bool bias)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernel.Height, nameof(kernel));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernel.Width, nameof(kernel));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride.Height, nameof(stride));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride.Width, nameof(stride));
        ArgumentOutOfRangeException.ThrowIfNegative(outputPadding.Height, nameof(outputPadding));
        ArgumentOutOfRangeException.ThrowIfNegative(outputPadding.Width, nameof(outputPadding));
        ArgumentNullException.ThrowIfNull(random);
        Kernel = kernel;
        Stride = stride;
        Padding = padding;
        OutputPadding = outputPadding;
        OutputSize = outputSize;
        var bound = 1f / MathF.Sqrt(outChannels * kernel.Height * kernel.Width);
        Weight = RegisterParameter("weight", Tensor.Uniform(random, -bound, bound, inChannels, outChannels, kernel.Height, kernel.Width));
        Bias = bias ? RegisterParameter("bias", Tensor.Uniform(random, -bound, bound, outChannels)) : null;
    }

    public (int Height, int Width) Kernel { get; }

    public (int Height, int Width) Stride { get; }

    public Padding2d Padding { get; }

    public (int Height, int Width) OutputPadding { get; }

    /// <summary>The output size of the SAME flavour; null for the PyTorch flavour.</summary>
    public (int Height, int Width)? OutputSize { get; }

    /// <summary>[in, out, kh, kw].</summary>
    public Tensor Weight { get; }

    /// <summary>[out], or null without bias.</summary>
    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input)
    {
        if (OutputSize is { } size)
        {
            return input.ConvTranspose2dSame(Weight, Bias, Stride.Height, Stride.Width, size.Height, size.Width);
        }

        return input.ConvTranspose2d(
            Weight, Bias, Stride.Height, Stride.Width, Padding.Top, Padding.Bottom, Padding.Left, Padding.Right,
            OutputPadding.Height, OutputPadding.Width);
    }

    private static (int Height, int Width) CheckOutputSize((int Height, int Width) outputSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize.Height, nameof(outputSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize.Width, nameof(outputSize));
        return outputSize;
    }

    private static Padding2d RejectSame(Padding2d padding) => padding.IsSame
        ? throw new ArgumentException("SAME padding needs an output size; use the constructor that takes outputSize.", nameof(padding))
        : padding;
}
