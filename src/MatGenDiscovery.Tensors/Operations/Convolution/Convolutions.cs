using MatGenDiscovery.Tensors.Kernels;
using MatGenDiscovery.Tensors.Operations.Shape;
using MatGenDiscovery.Tensors.Diagnostics;

namespace MatGenDiscovery.Tensors.Operations.Convolution;

/// <summary>
/// 2-D convolution and transposed convolution in NCHW layout. Convolution, its input gradient (the transposed
/// convolution) and its weight gradient are three bilinear operations whose gradients are each other, so any
/// order of derivative is available.
/// </summary>
public static class Convolutions
{
    /// <summary>
    /// Cross-correlation of x [N, C, H, W] with weight [O, C, kh, kw], plus optional bias [O], with per-axis stride
    /// and possibly asymmetric zero padding. Output is [N, O, (H + top + bottom − kh)/sh + 1, (W + left + right − kw)/sw + 1].
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not fit; the message names them.</exception>
    public static Tensor Conv2d(
        this Tensor x, Tensor weight, Tensor? bias = null, int strideHeight = 1, int strideWidth = 1,
        int padTop = 0, int padBottom = 0, int padLeft = 0, int padRight = 0)
    {
        var (batch, channels, height, width) = ImageShape(x, "Conv2d input");
        var (outChannels, kernelHeight, kernelWidth) = WeightShape(weight, channels, transposed: false);
        var outHeight = OutputSize(height, padTop + padBottom, kernelHeight, strideHeight, "height");
        var outWidth = OutputSize(width, padLeft + padRight, kernelWidth, strideWidth, "width");
        var geometry = new ConvolutionGeometry(
            batch, channels, height, width, outChannels, kernelHeight, kernelWidth,
            strideHeight, strideWidth, padTop, padLeft, outHeight, outWidth);
        return Forward(x, weight, geometry, bias);
    }

    /// <summary>Convolution with TensorFlow SAME padding: output size ceil(in / stride), the odd pad pixel after.</summary>
    public static Tensor Conv2dSame(this Tensor x, Tensor weight, Tensor? bias, int strideHeight, int strideWidth)
    {
        var (batch, channels, height, width) = ImageShape(x, "Conv2dSame input");
        var (outChannels, kernelHeight, kernelWidth) = WeightShape(weight, channels, transposed: false);
        var geometry = ConvolutionGeometry.Same(batch, channels, height, width, outChannels, kernelHeight, kernelWidth, strideHeight, strideWidth);
        return Forward(x, weight, geometry, bias);
    }

    /// <summary>
    /// Transposed convolution (PyTorch ConvTranspose2d) of x [N, Cin, H, W] with weight [Cin, Cout, kh, kw]:
    /// output height (H − 1)·sh + kh − top − bottom + outputPaddingHeight, likewise for width.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not fit; the message names them.</exception>
    public static Tensor ConvTranspose2d(
        this Tensor x, Tensor weight, Tensor? bias = null, int strideHeight = 1, int strideWidth = 1,
        int padTop = 0, int padBottom = 0, int padLeft = 0, int padRight = 0,
        int outputPaddingHeight = 0, int outputPaddingWidth = 0)
    {
        var (batch, channels, height, width) = ImageShape(x, "ConvTranspose2d input");
        var (outChannels, kernelHeight, kernelWidth) = WeightShape(weight, channels, transposed: true);
        var outHeight = (height - 1) * strideHeight + kernelHeight - padTop - padBottom + outputPaddingHeight;
        var outWidth = (width - 1) * strideWidth + kernelWidth - padLeft - padRight + outputPaddingWidth;
        if (outHeight <= 0 || outWidth <= 0)
        {
            throw new ArgumentException($"ConvTranspose2d: input {Tensor.FormatShape(x.ShapeArray)} with weight {Tensor.FormatShape(weight.ShapeArray)} gives an empty {outHeight}×{outWidth} output.");
        }

        var geometry = new ConvolutionGeometry(
            batch, outChannels, outHeight, outWidth, channels, kernelHeight, kernelWidth,
            strideHeight, strideWidth, padTop, padLeft, height, width);
        return BackwardInput(x, weight, geometry, bias);
    }

    /// <summary>
    /// TensorFlow <c>conv2d_transpose</c> with SAME padding and an explicit output size: the adjoint of the SAME
    /// convolution from [outputHeight, outputWidth] down to x's size. Weight is [Cin, Cout, kh, kw].
    /// </summary>
    /// <exception cref="ArgumentException">ceil(output / stride) differs from the input size.</exception>
    public static Tensor ConvTranspose2dSame(
        this Tensor x, Tensor weight, Tensor? bias, int strideHeight, int strideWidth, int outputHeight, int outputWidth)
    {
        var (batch, channels, height, width) = ImageShape(x, "ConvTranspose2dSame input");
        var (outChannels, kernelHeight, kernelWidth) = WeightShape(weight, channels, transposed: true);
        var geometry = ConvolutionGeometry.ForTransposed(
            batch, channels, height, width, outChannels, kernelHeight, kernelWidth, strideHeight, strideWidth, outputHeight, outputWidth);
        return BackwardInput(x, weight, geometry, bias);
    }

    /// <summary>y = conv(x, w) (+ bias[o] added in place) for the given geometry; x and w must have its input and weight sizes.</summary>
    internal static Tensor Forward(Tensor x, Tensor weight, ConvolutionGeometry geometry, Tensor? bias = null)
    {
        using var profile = OperationProfiler.Measure("Conv2d");
        RequireBias(bias, geometry.OutChannels);
        var result = Allocate(geometry.Batch, geometry.OutChannels, geometry.OutHeight, geometry.OutWidth);
        ConvolutionKernels.Forward(x.Data, weight.Data, result.Data, geometry);
        AddBiasInPlace(result, bias);
        if (ShouldRecord(x, weight, bias))
        {
            Autograd.Record(result, "Conv2d", Inputs(x, weight, bias), (g, needs, grads) =>
            {
                if (needs[0]) grads[0] = BackwardInput(g, weight, geometry);
                if (needs[1]) grads[1] = BackwardWeight(x, g, geometry);
                if (grads.Length == 3 && needs[2]) grads[2] = BiasGradient(g);
            });
        }

        return result;
    }

    /// <summary>The adjoint of <see cref="Forward"/> in x (the transposed convolution of g), plus optional bias[c].</summary>
    internal static Tensor BackwardInput(Tensor g, Tensor weight, ConvolutionGeometry geometry, Tensor? bias = null)
    {
        using var profile = OperationProfiler.Measure("ConvTranspose2d");
        RequireBias(bias, geometry.InChannels);
        var result = Allocate(geometry.Batch, geometry.InChannels, geometry.InHeight, geometry.InWidth);
        ConvolutionKernels.BackwardInput(g.Data, weight.Data, result.Data, geometry);
        AddBiasInPlace(result, bias);
        if (ShouldRecord(g, weight, bias))
        {
            Autograd.Record(result, "ConvTranspose2d", Inputs(g, weight, bias), (gg, needs, grads) =>
            {
                if (needs[0]) grads[0] = Forward(gg, weight, geometry);
                if (needs[1]) grads[1] = BackwardWeight(gg, g, geometry);
                if (grads.Length == 3 && needs[2]) grads[2] = BiasGradient(gg);
            });
        }

        return result;
    }

    /// <summary>∂⟨conv(x, w), g⟩/∂w, summed over the batch.</summary>
    internal static Tensor BackwardWeight(Tensor x, Tensor g, ConvolutionGeometry geometry)
    {
        using var profile = OperationProfiler.Measure("Conv2dWeightGradient");
        var result = Allocate(geometry.OutChannels, geometry.InChannels, geometry.KernelHeight, geometry.KernelWidth);
        ConvolutionKernels.BackwardWeight(x.Data, g.Data, result.Data, geometry);
        if (Autograd.ShouldRecord(x, g))
        {
            Autograd.Record(result, "Conv2dWeightGradient", [x, g], (gg, needs, grads) =>
            {
                if (needs[0]) grads[0] = BackwardInput(g, gg, geometry);
                if (needs[1]) grads[1] = Forward(x, gg, geometry);
            });
        }

        return result;
    }

    private static bool ShouldRecord(Tensor a, Tensor b, Tensor? bias) =>
        (a.RequiresGrad || b.RequiresGrad || bias is { RequiresGrad: true }) && GradMode.IsEnabled;

    private static Tensor[] Inputs(Tensor a, Tensor b, Tensor? bias) => bias is null ? [a, b] : [a, b, bias];

    /// <summary>Σ over batch and pixels of g, as [C].</summary>
    private static Tensor BiasGradient(Tensor g) => g.SumToShape(1, g.ShapeArray[1], 1, 1).Reshape(g.ShapeArray[1]);

    private static void RequireBias(Tensor? bias, int channels)
    {
        if (bias is not null && (bias.Rank != 1 || bias.Length != channels))
        {
            throw new ArgumentException($"Convolution bias {Tensor.FormatShape(bias.ShapeArray)} must be [{channels}], one per output channel.", nameof(bias));
        }
    }

    private static void AddBiasInPlace(Tensor y, Tensor? bias)
    {
        if (bias is null)
        {
            return;
        }

        var channels = y.ShapeArray[1];
        var pixels = y.ShapeArray[2] * y.ShapeArray[3];
        var data = y.Data;
        for (var n = 0; n < y.ShapeArray[0]; n++)
        {
            for (var c = 0; c < channels; c++)
            {
                var block = data.AsSpan((n * channels + c) * pixels, pixels);
                System.Numerics.Tensors.TensorPrimitives.Add(block, bias.Data[c], block);
            }
        }
    }

    private static Tensor Allocate(int a, int b, int c, int d) =>
        new(TensorArena.Allocate(a * b * c * d), [a, b, c, d]);

    private static (int Batch, int Channels, int Height, int Width) ImageShape(Tensor x, string what)
    {
        if (x.Rank != 4)
        {
            throw new ArgumentException($"{what} must be [N, C, H, W], got {Tensor.FormatShape(x.ShapeArray)}.", nameof(x));
        }

        return (x.ShapeArray[0], x.ShapeArray[1], x.ShapeArray[2], x.ShapeArray[3]);
    }

    private static (int OutChannels, int KernelHeight, int KernelWidth) WeightShape(Tensor weight, int inputChannels, bool transposed)
    {
        var layout = transposed ? "[Cin, Cout, kh, kw]" : "[Cout, Cin, kh, kw]";
        var channelAxis = transposed ? 0 : 1;
        if (weight.Rank != 4 || weight.ShapeArray[channelAxis] != inputChannels)
        {
            throw new ArgumentException(
                $"Convolution weight {Tensor.FormatShape(weight.ShapeArray)} must be {layout} with {inputChannels} input channels.", nameof(weight));
        }

        return (weight.ShapeArray[1 - channelAxis], weight.ShapeArray[2], weight.ShapeArray[3]);
    }

    private static int OutputSize(int size, int totalPad, int kernel, int stride, string axis)
    {
        if (stride <= 0 || size + totalPad < kernel)
        {
            throw new ArgumentException($"Conv2d {axis}: input {size} padded by {totalPad} is smaller than kernel {kernel} or stride {stride} is not positive.");
        }

        return (size + totalPad - kernel) / stride + 1;
    }
}
