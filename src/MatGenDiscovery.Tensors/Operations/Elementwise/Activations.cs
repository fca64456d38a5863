using System.Numerics;
using System.Numerics.Tensors;
using MatGenDiscovery.Tensors.Diagnostics;

namespace MatGenDiscovery.Tensors.Operations.Elementwise;

/// <summary>
/// Activation functions. Their backward passes are themselves differentiable fused operations
/// (e.g. <c>SigmoidBackward(g, y) = g·y·(1−y)</c>), so second-order gradients work.
/// </summary>
public static class Activations
{
    public static Tensor Relu(this Tensor x) => x.LeakyRelu(0f);

    /// <summary>y = x for x &gt; 0, else <paramref name="slope"/>·x; the gradient at 0 uses the slope.</summary>
    public static Tensor LeakyRelu(this Tensor x, float slope = 0.01f)
    {
        using var profile = OperationProfiler.Measure("LeakyRelu");
        var result = slope == 0f
            ? ElementwiseKernel.Map(x, static (s, d) => TensorPrimitives.Max(s, 0f, d))
            : ElementwiseKernel.Zip(x, x, (s, _, d) => ScaleBySign(s, s, d, slope));

        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(LeakyRelu), [x], (g, _, grads) => grads[0] = LeakyReluBackward(g, x, slope));
        }

        return result;
    }

    public static Tensor Sigmoid(this Tensor x)
    {
        using var profile = OperationProfiler.Measure("Sigmoid");
        var result = ElementwiseKernel.Map(x, static (s, d) => TensorPrimitives.Sigmoid(s, d));
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Sigmoid), [x], (g, _, grads) => grads[0] = SigmoidBackward(g, result));
        }

        return result;
    }

    public static Tensor Tanh(this Tensor x)
    {
        using var profile = OperationProfiler.Measure("Tanh");
        var result = ElementwiseKernel.Map(x, static (s, d) => TensorPrimitives.Tanh(s, d));
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Tanh), [x], (g, _, grads) => grads[0] = TanhBackward(g, result));
        }

        return result;
    }

    /// <summary>log(1 + eˣ), computed as max(x, 0) + log(1 + e^−|x|) so it never overflows.</summary>
    public static Tensor Softplus(this Tensor x)
    {
        using var profile = OperationProfiler.Measure("Softplus");
        var result = ElementwiseKernel.Map(x, static (s, d) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                var v = s[i];
                d[i] = MathF.Max(v, 0f) + MathF.Log(1f + MathF.Exp(-MathF.Abs(v)));
            }
        });
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Softplus), [x], (g, _, grads) => grads[0] = g * x.Sigmoid());
        }

        return result;
    }

    /// <summary>g·(x &gt; 0 ? 1 : slope); linear in g, piecewise constant in x.</summary>
    internal static Tensor LeakyReluBackward(Tensor g, Tensor x, float slope)
    {
        using var profile = OperationProfiler.Measure("LeakyReluBackward");
        var result = ElementwiseKernel.Zip(g, x, (gs, xs, d) => ScaleBySign(gs, xs, d, slope));
        if (Autograd.ShouldRecord(g))
        {
            Autograd.Record(result, nameof(LeakyReluBackward), [g], (gg, _, grads) => grads[0] = LeakyReluBackward(gg, x, slope));
        }

        return result;
    }

    /// <summary>g·y·(1 − y) where y = σ(x).</summary>
    internal static Tensor SigmoidBackward(Tensor g, Tensor y)
    {
        using var profile = OperationProfiler.Measure("SigmoidBackward");
        var result = ElementwiseKernel.Zip(g, y, static (gs, ys, d) =>
        {
            TensorPrimitives.Subtract(1f, ys, d);
            TensorPrimitives.Multiply(d, ys, d);
            TensorPrimitives.Multiply(d, gs, d);
        });
        if (Autograd.ShouldRecord(g, y))
        {
            Autograd.Record(result, nameof(SigmoidBackward), [g, y], (gg, needs, grads) =>
            {
                if (needs[0]) grads[0] = SigmoidBackward(gg, y);
                if (needs[1]) grads[1] = gg * g * (1f - 2f * y);
            });
        }

        return result;
    }

    /// <summary>g·(1 − y²) where y = tanh(x).</summary>
    internal static Tensor TanhBackward(Tensor g, Tensor y)
    {
        using var profile = OperationProfiler.Measure("TanhBackward");
        var result = ElementwiseKernel.Zip(g, y, static (gs, ys, d) =>
        {
            TensorPrimitives.Multiply(ys, ys, d);
            TensorPrimitives.Subtract(1f, d, d);
            TensorPrimitives.Multiply(d, gs, d);
        });
        if (Autograd.ShouldRecord(g, y))
        {
            Autograd.Record(result, nameof(TanhBackward), [g, y], (gg, needs, grads) =>
            {
                if (needs[0]) grads[0] = TanhBackward(gg, y);
                if (needs[1]) grads[1] = gg * g * y * -2f;
            });
        }

        return result;
    }

    /// <summary>result[i] = sign[i] &gt; 0 ? values[i] : slope·values[i].</summary>
    private static void ScaleBySign(ReadOnlySpan<float> values, ReadOnlySpan<float> sign, Span<float> result, float slope)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var slopes = new Vector<float>(slope);
            for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(values[i..]);
                var positive = Vector.GreaterThan(new Vector<float>(sign[i..]), Vector<float>.Zero);
                Vector.ConditionalSelect(positive, v, v * slopes).CopyTo(result[i..]);
            }
        }

        for (; i < values.Length; i++)
        {
            result[i] = sign[i] > 0f ? values[i] : slope * values[i];
        }
    }
}
