using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.NeuralNetworks.Layers;

/// <summary>
/// Cross-correlation of x [N, in, H, W] with W [out, in, kh, kw] plus b [out], per-axis stride, SAME or explicit
/// padding. Default init as PyTorch: W and b ~ U(−1/√(in·kh·kw), 1/√(in·kh·kw)).
/// </summary>
public sealed class Conv2d : Module
{
    /// <exception cref="ArgumentOutOfRangeException">A channel count, kernel size or stride is not positive.</exception>
    public Conv2d(
        int inChannels, int outChannels, (int Height, int Width) kernel, (int Height, int Width) stride,
        Padding2d padding, Random random, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernel.Height, nameof(kernel));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernel.Width, nameof(kernel));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride.Height, nameof(stride));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride.Width, nameof(stride));
        ArgumentNullException.ThrowIfNull(random);
        Kernel = kernel;
        Stride = stride;
        Padding = padding;
        var bound = 1f / MathF.Sqrt(inChannels * kernel.Height * kernel.Width);
        Weight = RegisterParameter("weight", Tensor.Uniform(random, -bound, bound, outChannels, inChannels, kernel.Height, kernel.Width));
        Bias = bias ? RegisterParameter("bias", Tensor.Uniform(random, -bound, bound, outChannels)) : null;
    }

    public (int Height, int Width) Kernel { get; }

    public (int Height, int Width) Stride { get; }

    public Padding2d Padding { get; }

    /// <summary>[out, in, kh, kw].</summary>
    public Tensor Weight { get; }

    /// <summary>[out], or null without bias.</summary>
    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) => Padding.IsSame
        ? input.Conv2dSame(Weight, Bias, Stride.Height, Stride.Width)
        : input.Conv2d(Weight, Bias, Stride.Height, Stride.Width, Padding.Top, Padding.Bottom, Padding.Left, Padding.Right);
}
