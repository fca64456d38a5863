using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.Reductions;

namespace MatGenDiscovery.NeuralNetworks.Architectures;

/// <summary>
/// Layer normalisation of [N, C, H, W] per sample over C·H·W (PyTorch's <c>GroupNorm(1, C)</c>):
/// y = (x − μₙ) / √(σ²ₙ + ε) · weight_c + bias_c, with biased σ². Unlike batch norm a sample's output does not depend
/// on the rest of the batch, so it suits a WGAN-GP critic (Gulrajani et al. 2017, §4). Built from differentiable tensor
/// operations only, so it supports the double backward of the gradient penalty.
/// </summary>
public sealed class LayerNorm2d : Module
{
    private static readonly int[] SampleAxes = [1, 2, 3];
    private readonly float _epsilon;

    /// <exception cref="ArgumentOutOfRangeException">channels is not positive or ε is not positive.</exception>
    public LayerNorm2d(int channels, float epsilon = 1e-5f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (!(epsilon > 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), $"Epsilon must be positive, got {epsilon}.");
        }

        Channels = channels;
        _epsilon = epsilon;
        Weight = RegisterParameter("weight", Tensor.Ones(channels, 1, 1));
        Bias = RegisterParameter("bias", Tensor.Zeros(channels, 1, 1));
    }

    public int Channels { get; }

    /// <summary>Per-channel scale, [C, 1, 1].</summary>
    public Tensor Weight { get; }

    /// <summary>Per-channel shift, [C, 1, 1].</summary>
    public Tensor Bias { get; }

    /// <exception cref="ArgumentException">The input is not [N, Channels, H, W].</exception>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Size(1) != Channels)
        {
            throw new ArgumentException(
                $"LayerNorm2d({Channels}) expects [N, {Channels}, H, W], got [{string.Join(", ", input.Shape)}].", nameof(input));
        }

        var centered = input - input.Mean(SampleAxes, keepDim: true);
        var inverseStd = (centered.Square().Mean(SampleAxes, keepDim: true) + _epsilon).Sqrt().Reciprocal();
        return centered * inverseStd * Weight + Bias;
    }
}
