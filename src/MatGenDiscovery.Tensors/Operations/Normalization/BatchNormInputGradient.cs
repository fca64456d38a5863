using MatGenDiscovery.Tensors.Diagnostics;

namespace MatGenDiscovery.Tensors.Operations.Normalization;

/// <summary>
/// The training-mode batch-norm input gradient as one recorded operation, for create-graph backward passes (the
/// WGAN-GP penalty): dx = γ·r·(g − E[g] − x̂·E[g·x̂]) with, per channel over M values, d = x − μ, r = 1/√(E[d²] + eps),
/// x̂ = d·r. Its own backward takes h = ∂L/∂dx and, with A = E[g·d], Q = Σh·d and P = Σh·g − Σh·Σg/M, gives
/// ∂L/∂g = γr(h − E[h]) − γr³·Q/M·d, ∂L/∂γ = r·P − r³·Q·A and
/// ∂L/∂x = γ[(3r⁵QA − r³P)/M·d − r³A(h − E[h]) − r³Q/M·(g − E[g])], evaluated by fused per-channel kernels.
/// </summary>
internal static class BatchNormInputGradient
{
    /// <param name="mean">Batch mean μ [C] of <paramref name="x"/>.</param>
    /// <param name="inverseStd">r [C] of <paramref name="x"/>.</param>
    public static Tensor Compute(Tensor g, Tensor x, Tensor? gamma, float[] mean, float[] inverseStd)
    {
        using var profile = OperationProfiler.Measure("BatchNormInputGradient");
        var (batch, channels, spatial) = Layout(x);
        var count = batch * spatial;
        var sumG = new float[channels];
        var sumGx = new float[channels];
        BatchNormKernel.GradientSums(g.Data, x.Data, batch, channels, spatial, sumG, sumGx);
        var gScale = new float[channels];
        var xScale = new float[channels];
        var shift = new float[channels];
        var centeredGradient = new double[channels];
        for (var c = 0; c < channels; c++)
        {
            double r = inverseStd[c];
            double scale = (gamma?.Data[c] ?? 1f) * r;
            var a = ((double)sumGx[c] - mean[c] * (double)sumG[c]) / count;
            centeredGradient[c] = a;
            gScale[c] = (float)scale;
            xScale[c] = (float)(-scale * r * r * a);
            shift[c] = (float)(-scale * sumG[c] / count + scale * r * r * a * mean[c]);
        }

        var result = new Tensor(TensorArena.Allocate(x.Length), x.ShapeArray);
        BatchNormKernel.LinearCombination(g.Data, x.Data, batch, channels, spatial, gScale, xScale, shift, result.Data);
        if (!Autograd.ShouldRecord(g, x) && !(gamma is { RequiresGrad: true } && GradMode.IsEnabled))
        {
            return result;
        }

        Tensor[] inputs = gamma is null ? [g, x] : [g, x, gamma];
        return Autograd.Record(result, nameof(BatchNormInputGradient), inputs, (h, needs, grads) =>
        {
            if (GradMode.IsEnabled)
            {
                throw new NotSupportedException("BatchNorm supports gradients up to second order; a third-order create-graph pass reached it.");
            }

            Backward(h, g, x, gamma, mean, inverseStd, sumG, centeredGradient, needs, grads);
        });
    }

    private static void Backward(
        Tensor h, Tensor g, Tensor x, Tensor? gamma, float[] mean, float[] inverseStd, float[] sumG, double[] centeredGradient,
        ReadOnlySpan<bool> needs, Span<Tensor?> grads)
    {
        var (batch, channels, spatial) = Layout(x);
        var count = (double)(batch * spatial);
        var sumH = new float[channels];
        var sumHx = new float[channels];
        var sumHg = new float[channels];
        BatchNormKernel.GradientSums(h.Data, x.Data, batch, channels, spatial, sumH, sumHx);
        BatchNormKernel.Dots(h.Data, g.Data, batch, channels, spatial, sumHg);

        var hScale = new float[channels];
        var gScale = new float[channels];
        var xScale = new float[channels];
        var shift = new float[channels];
        var gammaGradient = new float[channels];
        var gradientGScale = new float[channels];
        var gradientGxScale = new float[channels];
        var gradientGShift = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            double r = inverseStd[c];
            double r3 = r * r * r;
            double gammaValue = gamma?.Data[c] ?? 1f;
            double mu = mean[c];
            var a = centeredGradient[c];
            var q = sumHx[c] - mu * sumH[c];
            var p = sumHg[c] - (double)sumH[c] * sumG[c] / count;
            var meanH = sumH[c] / count;
            var meanG = sumG[c] / count;
            gammaGradient[c] = (float)(r * p - r3 * q * a);

            var dScale = -gammaValue * r3 * q / count;
            gradientGScale[c] = (float)(gammaValue * r);
            gradientGxScale[c] = (float)dScale;
            gradientGShift[c] = (float)(-gammaValue * r * meanH - dScale * mu);

            var d = gammaValue * (3.0 * r3 * r * r * q * a - r3 * p) / count;
            var e = -gammaValue * r3 * a;
            var f = -gammaValue * r3 * q / count;
            hScale[c] = (float)e;
            gScale[c] = (float)f;
            xScale[c] = (float)d;
            shift[c] = (float)(-d * mu - e * meanH - f * meanG);
        }

        if (needs[0])
        {
            var gradientG = new Tensor(TensorArena.Allocate(x.Length), x.ShapeArray);
            BatchNormKernel.LinearCombination(
                h.Data, x.Data, batch, channels, spatial, gradientGScale, gradientGxScale, gradientGShift, gradientG.Data);
            grads[0] = gradientG;
        }

        if (needs[1])
        {
            var gradientX = new Tensor(TensorArena.Allocate(x.Length), x.ShapeArray);
            BatchNormKernel.LinearCombination(h.Data, g.Data, x.Data, batch, channels, spatial, hScale, gScale, xScale, shift, gradientX.Data);
            grads[1] = gradientX;
        }

        if (gamma is not null && needs[2])
        {
            grads[2] = Tensor.FromArray(gammaGradient, channels);
        }
    }

    private static (int Batch, int Channels, int Spatial) Layout(Tensor x) =>
        (x.ShapeArray[0], x.ShapeArray[1], x.Rank == 2 ? 1 : x.ShapeArray[2] * x.ShapeArray[3]);
}
