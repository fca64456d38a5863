using System.Numerics.Tensors;
using MatGenDiscovery.Tensors.Diagnostics;

namespace MatGenDiscovery.Tensors.Operations.Elementwise;

/// <summary>Element-wise mathematical functions.</summary>
public static class UnaryFunctions
{
    public static Tensor Exp(this Tensor x)
    {
        using var profile = OperationProfiler.Measure("Exp");
        var result = ElementwiseKernel.Map(x, static (s, d) => TensorPrimitives.Exp(s, d));
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Exp), [x], (g, _, grads) => grads[0] = g * result);
        }

        return result;
    }

    /// <summary>Natural logarithm; non-positive inputs give -∞ or NaN as in IEEE arithmetic.</summary>
    public static Tensor Log(this Tensor x)
    {
        using var profile = OperationProfiler.Measure("Log");
        var result = ElementwiseKernel.Map(x, static (s, d) => TensorPrimitives.Log(s, d));
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Log), [x], (g, _, grads) => grads[0] = g / x);
        }

        return result;
    }

    public static Tensor Sqrt(this Tensor x)
    {
        using var profile = OperationProfiler.Measure("Sqrt");
        var result = ElementwiseKernel.Map(x, static (s, d) => TensorPrimitives.Sqrt(s, d));
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Sqrt), [x], (g, _, grads) => grads[0] = g / result * 0.5f);
        }

        return result;
    }

    public static Tensor Square(this Tensor x)
    {
        using var profile = OperationProfiler.Measure("Square");
        var result = ElementwiseKernel.Map(x, static (s, d) => TensorPrimitives.Multiply(s, s, d));
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Square), [x], (g, _, grads) => grads[0] = g * x * 2f);
        }

        return result;
    }

    /// <summary>x^<paramref name="exponent"/> element-wise.</summary>
    public static Tensor Pow(this Tensor x, float exponent)
    {
        using var profile = OperationProfiler.Measure("Pow");
        if (exponent == 2f)
        {
            return x.Square();
        }

        var result = new Tensor(TensorArena.Allocate(x.Length), x.ShapeArray);
        TensorPrimitives.Pow(x.AsReadOnlySpan(), exponent, result.AsSpan());
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Pow), [x], (g, _, grads) => grads[0] = g * x.Pow(exponent - 1f) * exponent);
        }

        return result;
    }

    /// <summary>|x|; the gradient at 0 is 0.</summary>
    public static Tensor Abs(this Tensor x)
    {
        using var profile = OperationProfiler.Measure("Abs");
        var result = ElementwiseKernel.Map(x, static (s, d) => TensorPrimitives.Abs(s, d));
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Abs), [x], (g, _, grads) =>
            {
                var sign = ElementwiseKernel.Map(x, static (s, d) =>
                {
                    for (var i = 0; i < s.Length; i++)
                    {
                        d[i] = MathF.Sign(s[i]);
                    }
                });
                grads[0] = g * sign;
            });
        }

        return result;
    }

    /// <summary>Limits x to [<paramref name="min"/>, <paramref name="max"/>]; the gradient passes where min ≤ x ≤ max.</summary>
    /// <exception cref="ArgumentException"><paramref name="min"/> exceeds <paramref name="max"/>.</exception>
    public static Tensor Clamp(this Tensor x, float min = float.NegativeInfinity, float max = float.PositiveInfinity)
    {
        using var profile = OperationProfiler.Measure("Clamp");
        if (min > max)
        {
            throw new ArgumentException($"Clamp needs min <= max, got min={min}, max={max}.", nameof(min));
        }

        var result = new Tensor(TensorArena.Allocate(x.Length), x.ShapeArray);
        TensorPrimitives.Max(x.AsReadOnlySpan(), min, result.AsSpan());
        TensorPrimitives.Min(result.AsReadOnlySpan(), max, result.AsSpan());
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Clamp), [x], (g, _, grads) =>
            {
                var mask = new Tensor(TensorArena.Allocate(x.Length), x.ShapeArray);
                var source = x.AsReadOnlySpan();
                var target = mask.AsSpan();
                for (var i = 0; i < source.Length; i++)
                {
                    target[i] = source[i] >= min && source[i] <= max ? 1f : 0f;
                }

                grads[0] = g * mask;
            });
        }

        return result;
    }
}
