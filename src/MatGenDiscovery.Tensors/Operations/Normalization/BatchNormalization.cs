using System.Numerics.Tensors;
using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Tensors.Operations.Normalization;

/// <summary>Batch normalisation over the channel axis (axis 1) of [N, C] or [N, C, H, W] inputs.</summary>
public static class BatchNormalization
{
    /// <summary>
    /// y = (x − μ)/√(σ² + eps)·γ + β per channel. In training μ, σ² are the (biased) batch statistics and the
    /// running tensors [C] are updated in place: running = (1 − momentum)·running + momentum·stat, using the
    /// unbiased variance as PyTorch does. Otherwise the running statistics are used. γ, β [C] may be null.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes do not fit, or training with one value per channel.</exception>
    public static Tensor BatchNorm(
        this Tensor x, Tensor? gamma, Tensor? beta, Tensor runningMean, Tensor runningVariance,
        bool training, float momentum = 0.1f, float epsilon = 1e-5f)
    {
        if (x.Rank is not (2 or 4))
        {
            throw new ArgumentException($"BatchNorm input must be [N, C] or [N, C, H, W], got {Tensor.FormatShape(x.ShapeArray)}.", nameof(x));
        }

        var channels = x.ShapeArray[1];
        RequireChannelVector(gamma, channels, nameof(gamma));
        RequireChannelVector(beta, channels, nameof(beta));
        RequireChannelVector(runningMean, channels, nameof(runningMean));
        RequireChannelVector(runningVariance, channels, nameof(runningVariance));
        int[] channelShape = x.Rank == 2 ? [1, channels] : [1, channels, 1, 1];
        int[] axes = x.Rank == 2 ? [0] : [0, 2, 3];

        Tensor normalized;
        if (training)
        {
            var count = x.Length / Math.Max(channels, 1);
            if (count < 2)
            {
                throw new ArgumentException($"BatchNorm training needs more than one value per channel, got input {Tensor.FormatShape(x.ShapeArray)}.", nameof(x));
            }

            var mean = x.Mean(axes, keepDim: true);
            var centered = x - mean;
            var variance = centered.Square().Mean(axes, keepDim: true);
            normalized = centered / (variance + epsilon).Sqrt();
            UpdateRunning(runningMean, mean, momentum, 1f);
            UpdateRunning(runningVariance, variance, momentum, count / (count - 1f));
        }
        else
        {
            var inverseStd = (runningVariance.Detach() + epsilon).Sqrt().Reciprocal();
            normalized = (x - runningMean.Detach().Reshape(channelShape)) * inverseStd.Reshape(channelShape);
        }

        if (gamma is not null)
        {
            normalized *= gamma.Reshape(channelShape);
        }

        return beta is null ? normalized : normalized + beta.Reshape(channelShape);
    }

    private static void UpdateRunning(Tensor running, Tensor statistic, float momentum, float correction)
    {
        var target = running.AsSpan();
        TensorPrimitives.Multiply(target, 1f - momentum, target);
        TensorPrimitives.MultiplyAdd(statistic.AsReadOnlySpan(), momentum * correction, target, target);
    }

    private static void RequireChannelVector(Tensor? tensor, int channels, string name)
    {
        if (tensor is not null && (tensor.Rank != 1 || tensor.Length != channels))
        {
            throw new ArgumentException($"BatchNorm {name} must be [{channels}], got {Tensor.FormatShape(tensor.ShapeArray)}.", name);
        }
    }
}
