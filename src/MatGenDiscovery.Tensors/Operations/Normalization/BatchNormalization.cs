using System.Numerics.Tensors;
using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Operations.Shape;
using MatGenDiscovery.Tensors.Diagnostics;

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

        if (training)
        {
            return Train(x, gamma, beta, runningMean, runningVariance, momentum, epsilon, axes, channelShape);
        }

        var inverseStd = (runningVariance.Detach() + epsilon).Sqrt().Reciprocal();
        var scale = gamma is null ? inverseStd : gamma * inverseStd;
        var shift = beta is null ? -(runningMean.Detach() * scale) : beta - runningMean.Detach() * scale;
        return x * scale.Reshape(channelShape) + shift.Reshape(channelShape);
    }

    /// <summary>
    /// Fused training forward. Its backward is a fused kernel when nothing is being recorded; when the backward
    /// itself is recorded (create-graph), the same formula is evaluated with differentiable operations, so
    /// higher-order gradients come from ordinary operations.
    /// </summary>
    private static Tensor Train(
        Tensor x, Tensor? gamma, Tensor? beta, Tensor runningMean, Tensor runningVariance,
        float momentum, float epsilon, int[] axes, int[] channelShape)
    {
        using var profile = OperationProfiler.Measure("BatchNorm");
        var batch = x.ShapeArray[0];
        var channels = x.ShapeArray[1];
        var spatial = x.Rank == 2 ? 1 : x.ShapeArray[2] * x.ShapeArray[3];
        var count = batch * spatial;
        if (count < 2)
        {
            throw new ArgumentException($"BatchNorm training needs more than one value per channel, got input {Tensor.FormatShape(x.ShapeArray)}.", nameof(x));
        }

        var mean = new float[channels];
        var variance = new float[channels];
        BatchNormKernel.Statistics(x.Data, batch, channels, spatial, mean, variance);
        var inverseStd = new float[channels];
        var scale = new float[channels];
        var shift = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            inverseStd[c] = 1f / MathF.Sqrt(variance[c] + epsilon);
            scale[c] = (gamma?.Data[c] ?? 1f) * inverseStd[c];
            shift[c] = (beta?.Data[c] ?? 0f) - mean[c] * scale[c];
        }

        var result = new Tensor(TensorArena.Allocate(x.Length), x.ShapeArray);
        BatchNormKernel.Affine(x.Data, batch, channels, spatial, scale, shift, result.Data);
        UpdateRunning(runningMean, mean, momentum, 1f);
        UpdateRunning(runningVariance, variance, momentum, count / (count - 1f));

        var inputs = new List<Tensor>(3) { x };
        if (gamma is not null) inputs.Add(gamma);
        if (beta is not null) inputs.Add(beta);
        if (!GradMode.IsEnabled || !inputs.Exists(input => input.RequiresGrad))
        {
            return result;
        }

        Tensor[] recorded = [.. inputs];
        return Autograd.Record(result, nameof(BatchNorm), recorded, (g, needs, grads) =>
        {
            if (GradMode.IsEnabled)
            {
                if (needs[0]) grads[0] = BatchNormInputGradient.Compute(g, x, gamma, mean, inverseStd);
                RecordedParameterGradients(g, x, gamma, beta is not null, axes, channelShape, epsilon, needs, grads);
                return;
            }

            var sumG = new float[channels];
            var sumGx = new float[channels];
            BatchNormKernel.GradientSums(g.Data, x.Data, batch, channels, spatial, sumG, sumGx);
            var sumGNormalized = new float[channels];
            for (var c = 0; c < channels; c++)
            {
                sumGNormalized[c] = inverseStd[c] * (sumGx[c] - mean[c] * sumG[c]);
            }

            if (needs[0])
            {
                var a = new float[channels];
                var b = new float[channels];
                var d = new float[channels];
                for (var c = 0; c < channels; c++)
                {
                    a[c] = (gamma?.Data[c] ?? 1f) * inverseStd[c];
                    b[c] = -a[c] * inverseStd[c] * sumGNormalized[c] / count;
                    d[c] = -a[c] * sumG[c] / count - b[c] * mean[c];
                }

                var dx = new Tensor(TensorArena.Allocate(x.Length), x.ShapeArray);
                BatchNormKernel.LinearCombination(g.Data, x.Data, batch, channels, spatial, a, b, d, dx.Data);
                grads[0] = dx;
            }

            var next = 1;
            if (gamma is not null && needs[next++]) grads[next - 1] = Tensor.FromArray(sumGNormalized, channels);
            if (beta is not null && needs[next]) grads[next] = Tensor.FromArray(sumG, channels);
        });
    }

    /// <summary>
    /// dγ = Σg·x̂ and dβ = Σg written with differentiable operations for create-graph passes, with x̂ recomputed from x
    /// so that it stays a function of x.
    /// </summary>
    private static void RecordedParameterGradients(
        Tensor g, Tensor x, Tensor? gamma, bool hasBeta, int[] axes, int[] channelShape, float epsilon,
        ReadOnlySpan<bool> needs, Span<Tensor?> grads)
    {
        var next = 1;
        var needsGamma = gamma is not null && needs[next++];
        var needsBeta = hasBeta && needs[next];
        if (!needsGamma && !needsBeta)
        {
            return;
        }

        using var profile = OperationProfiler.Measure("BatchNorm.RecordedParameterGradients");
        if (needsGamma)
        {
            var centered = x - x.Mean(axes, keepDim: true);
            var inverseStd = (centered.Square().Mean(axes, keepDim: true) + epsilon).Sqrt().Reciprocal();
            grads[1] = (g * (centered * inverseStd)).SumToShape(channelShape).Reshape(gamma!.ShapeArray);
        }

        if (needsBeta)
        {
            grads[next] = g.SumToShape(channelShape).Reshape(channelShape[1]);
        }
    }

    private static void UpdateRunning(Tensor running, float[] statistic, float momentum, float correction)
    {
        var target = running.AsSpan();
        TensorPrimitives.Multiply(target, 1f - momentum, target);
        TensorPrimitives.MultiplyAdd(statistic, momentum * correction, target, target);
    }

    private static void RequireChannelVector(Tensor? tensor, int channels, string name)
    {
        if (tensor is not null && (tensor.Rank != 1 || tensor.Length != channels))
        {
            throw new ArgumentException($"BatchNorm {name} must be [{channels}], got {Tensor.FormatShape(tensor.ShapeArray)}.", name);
        }
    }
}
