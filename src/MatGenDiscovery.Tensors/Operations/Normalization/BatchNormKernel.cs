using System.Numerics.Tensors;

namespace MatGenDiscovery.Tensors.Operations.Normalization;

/// <summary>
/// Fused per-channel batch statistics, normalisation and its gradient for data laid out [N, C, S]
/// (S = H·W, or 1 for [N, C] input, where whole rows are processed as vectors instead).
/// </summary>
internal static class BatchNormKernel
{
    /// <summary>Batch mean and biased variance per channel, accumulated in float64.</summary>
    public static void Statistics(ReadOnlySpan<float> x, int batch, int channels, int spatial, Span<float> mean, Span<float> variance)
    {
        var count = (double)batch * spatial;
        if (spatial == 1)
        {
            var sums = new double[channels];
            var squares = new double[channels];
            for (var n = 0; n < batch; n++)
            {
                var row = x.Slice(n * channels, channels);
                for (var c = 0; c < channels; c++)
                {
                    sums[c] += row[c];
                }
            }

            for (var c = 0; c < channels; c++)
            {
                mean[c] = (float)(sums[c] / count);
            }

            for (var n = 0; n < batch; n++)
            {
                var row = x.Slice(n * channels, channels);
                for (var c = 0; c < channels; c++)
                {
                    var d = row[c] - (double)mean[c];
                    squares[c] += d * d;
                }
            }

            for (var c = 0; c < channels; c++)
            {
                variance[c] = (float)(squares[c] / count);
            }

            return;
        }

        var buffer = new float[spatial];
        for (var c = 0; c < channels; c++)
        {
            var sum = 0.0;
            for (var n = 0; n < batch; n++)
            {
                sum += TensorPrimitives.Sum(x.Slice((n * channels + c) * spatial, spatial));
            }

            var m = (float)(sum / count);
            var squared = 0.0;
            for (var n = 0; n < batch; n++)
            {
                TensorPrimitives.Subtract(x.Slice((n * channels + c) * spatial, spatial), m, buffer);
                squared += TensorPrimitives.SumOfSquares<float>(buffer);
            }

            mean[c] = m;
            variance[c] = (float)(squared / count);
        }
    }

    /// <summary>result = x·scale[c] + shift[c].</summary>
    public static void Affine(ReadOnlySpan<float> x, int batch, int channels, int spatial, ReadOnlySpan<float> scale, ReadOnlySpan<float> shift, Span<float> result)
    {
        for (var n = 0; n < batch; n++)
        {
            if (spatial == 1)
            {
                var offset = n * channels;
                TensorPrimitives.FusedMultiplyAdd(x.Slice(offset, channels), scale, shift, result.Slice(offset, channels));
                continue;
            }

            for (var c = 0; c < channels; c++)
            {
                var offset = (n * channels + c) * spatial;
                var target = result.Slice(offset, spatial);
                TensorPrimitives.Multiply(x.Slice(offset, spatial), scale[c], target);
                TensorPrimitives.Add(target, shift[c], target);
            }
        }
    }

    /// <summary>Per-channel Σg and Σg·x.</summary>
    public static void GradientSums(ReadOnlySpan<float> g, ReadOnlySpan<float> x, int batch, int channels, int spatial, Span<float> sumG, Span<float> sumGx)
    {
        sumG.Clear();
        sumGx.Clear();
        for (var n = 0; n < batch; n++)
        {
            if (spatial == 1)
            {
                var row = g.Slice(n * channels, channels);
                TensorPrimitives.Add(sumG, row, sumG);
                TensorPrimitives.FusedMultiplyAdd(row, x.Slice(n * channels, channels), sumGx, sumGx);
                continue;
            }

            for (var c = 0; c < channels; c++)
            {
                var offset = (n * channels + c) * spatial;
                var block = g.Slice(offset, spatial);
                sumG[c] += TensorPrimitives.Sum(block);
                sumGx[c] += TensorPrimitives.Dot(block, x.Slice(offset, spatial));
            }
        }
    }

    /// <summary>result = g·a[c] + x·b[c] + d[c].</summary>
    public static void LinearCombination(
        ReadOnlySpan<float> g, ReadOnlySpan<float> x, int batch, int channels, int spatial,
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> d, Span<float> result)
    {
        for (var n = 0; n < batch; n++)
        {
            if (spatial == 1)
            {
                var offset = n * channels;
                var target = result.Slice(offset, channels);
                TensorPrimitives.Multiply(g.Slice(offset, channels), a, target);
                TensorPrimitives.FusedMultiplyAdd(x.Slice(offset, channels), b, target, target);
                TensorPrimitives.Add(target, d, target);
                continue;
            }

            for (var c = 0; c < channels; c++)
            {
                var offset = (n * channels + c) * spatial;
                var target = result.Slice(offset, spatial);
                TensorPrimitives.Multiply(g.Slice(offset, spatial), a[c], target);
                TensorPrimitives.FusedMultiplyAdd(x.Slice(offset, spatial), b[c], target, target);
                TensorPrimitives.Add(target, d[c], target);
            }
        }
    }

    /// <summary>Per-channel Σa·b.</summary>
    public static void Dots(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int batch, int channels, int spatial, Span<float> sums)
    {
        sums.Clear();
        for (var n = 0; n < batch; n++)
        {
            if (spatial == 1)
            {
                var offset = n * channels;
                TensorPrimitives.FusedMultiplyAdd(a.Slice(offset, channels), b.Slice(offset, channels), sums, sums);
                continue;
            }

            for (var c = 0; c < channels; c++)
            {
                var offset = (n * channels + c) * spatial;
                sums[c] += TensorPrimitives.Dot(a.Slice(offset, spatial), b.Slice(offset, spatial));
            }
        }
    }

    /// <summary>result = u·a[c] + v·b[c] + w·d[c] + e[c].</summary>
    public static void LinearCombination(
        ReadOnlySpan<float> u, ReadOnlySpan<float> v, ReadOnlySpan<float> w, int batch, int channels, int spatial,
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> d, ReadOnlySpan<float> e, Span<float> result)
    {
        for (var n = 0; n < batch; n++)
        {
            if (spatial == 1)
            {
                var offset = n * channels;
                var target = result.Slice(offset, channels);
                TensorPrimitives.FusedMultiplyAdd(u.Slice(offset, channels), a, e, target);
                TensorPrimitives.FusedMultiplyAdd(v.Slice(offset, channels), b, target, target);
                TensorPrimitives.FusedMultiplyAdd(w.Slice(offset, channels), d, target, target);
                continue;
            }

            for (var c = 0; c < channels; c++)
            {
                var offset = (n * channels + c) * spatial;
                var target = result.Slice(offset, spatial);
                TensorPrimitives.Multiply(u.Slice(offset, spatial), a[c], target);
                TensorPrimitives.Add(target, e[c], target);
                TensorPrimitives.FusedMultiplyAdd(v.Slice(offset, spatial), b[c], target, target);
                TensorPrimitives.FusedMultiplyAdd(w.Slice(offset, spatial), d[c], target, target);
            }
        }
    }
}
