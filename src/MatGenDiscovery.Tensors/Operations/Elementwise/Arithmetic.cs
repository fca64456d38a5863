using System.Numerics.Tensors;
using MatGenDiscovery.Tensors.Operations.Shape;
using MatGenDiscovery.Tensors.Diagnostics;

namespace MatGenDiscovery.Tensors.Operations.Elementwise;

/// <summary>Broadcasting add, subtract, multiply, divide and negate (also available as C# operators).</summary>
public static class Arithmetic
{
    /// <exception cref="ArgumentException">The shapes cannot be broadcast; the message names both.</exception>
    public static Tensor Add(this Tensor a, Tensor b)
    {
        using var profile = OperationProfiler.Measure("Add");
        var result = BinaryKernel.Apply(a, b, BinaryOperator.Add, nameof(Add));
        if (Autograd.ShouldRecord(a, b))
        {
            Autograd.Record(result, nameof(Add), [a, b], (g, needs, grads) =>
            {
                if (needs[0]) grads[0] = g.SumToShape(a.ShapeArray);
                if (needs[1]) grads[1] = g.SumToShape(b.ShapeArray);
            });
        }

        return result;
    }

    /// <exception cref="ArgumentException">The shapes cannot be broadcast; the message names both.</exception>
    public static Tensor Subtract(this Tensor a, Tensor b)
    {
        using var profile = OperationProfiler.Measure("Subtract");
        var result = BinaryKernel.Apply(a, b, BinaryOperator.Subtract, nameof(Subtract));
        if (Autograd.ShouldRecord(a, b))
        {
            Autograd.Record(result, nameof(Subtract), [a, b], (g, needs, grads) =>
            {
                if (needs[0]) grads[0] = g.SumToShape(a.ShapeArray);
                if (needs[1]) grads[1] = Negate(g.SumToShape(b.ShapeArray));
            });
        }

        return result;
    }

    /// <exception cref="ArgumentException">The shapes cannot be broadcast; the message names both.</exception>
    public static Tensor Multiply(this Tensor a, Tensor b)
    {
        using var profile = OperationProfiler.Measure("Multiply");
        var result = BinaryKernel.Apply(a, b, BinaryOperator.Multiply, nameof(Multiply));
        if (Autograd.ShouldRecord(a, b))
        {
            Autograd.Record(result, nameof(Multiply), [a, b], (g, needs, grads) =>
            {
                if (needs[0]) grads[0] = ProductSummedToShape(g, b, a.ShapeArray);
                if (needs[1]) grads[1] = ProductSummedToShape(g, a, b.ShapeArray);
            });
        }

        return result;
    }

    /// <exception cref="ArgumentException">The shapes cannot be broadcast; the message names both.</exception>
    public static Tensor Divide(this Tensor a, Tensor b)
    {
        using var profile = OperationProfiler.Measure("Divide");
        var result = BinaryKernel.Apply(a, b, BinaryOperator.Divide, nameof(Divide));
        if (Autograd.ShouldRecord(a, b))
        {
            Autograd.Record(result, nameof(Divide), [a, b], (g, needs, grads) =>
            {
                var gOverB = Divide(g, b);
                if (needs[0]) grads[0] = gOverB.SumToShape(a.ShapeArray);
                if (needs[1]) grads[1] = Negate(Multiply(gOverB, result)).SumToShape(b.ShapeArray);
            });
        }

        return result;
    }

    public static Tensor Add(this Tensor a, float b)
    {
        using var profile = OperationProfiler.Measure("AddScalar");
        var result = BinaryKernel.Allocate(a.ShapeArray);
        TensorPrimitives.Add(a.AsReadOnlySpan(), b, result.AsSpan());
        if (Autograd.ShouldRecord(a))
        {
            Autograd.Record(result, nameof(Add), [a], (g, _, grads) => grads[0] = g);
        }

        return result;
    }

    public static Tensor Multiply(this Tensor a, float b)
    {
        using var profile = OperationProfiler.Measure("MultiplyScalar");
        var result = BinaryKernel.Allocate(a.ShapeArray);
        TensorPrimitives.Multiply(a.AsReadOnlySpan(), b, result.AsSpan());
        if (Autograd.ShouldRecord(a))
        {
            Autograd.Record(result, nameof(Multiply), [a], (g, _, grads) => grads[0] = Multiply(g, b));
        }

        return result;
    }

    public static Tensor Negate(this Tensor a) => Multiply(a, -1f);

    /// <summary><paramref name="numerator"/> / x, element-wise.</summary>
    public static Tensor Reciprocal(this Tensor x, float numerator = 1f)
    {
        using var profile = OperationProfiler.Measure("Reciprocal");
        var result = BinaryKernel.Allocate(x.ShapeArray);
        TensorPrimitives.Divide(numerator, x.AsReadOnlySpan(), result.AsSpan());
        if (Autograd.ShouldRecord(x))
        {
            // d(n/x)/dx = -n/x² = -y/x
            Autograd.Record(result, nameof(Reciprocal), [x], (g, _, grads) => grads[0] = Negate(Divide(Multiply(g, result), x)));
        }

        return result;
    }

    /// <summary>
    /// (g·other).SumToShape(shape). When nothing is recorded and the product would only be reduced to a
    /// broadcast block (e.g. a per-channel scale), the sums are taken directly without the full-size product.
    /// </summary>
    private static Tensor ProductSummedToShape(Tensor g, Tensor other, int[] shape)
    {
        var smaller = Tensor.ElementCount(shape) < g.Length;
        if (GradMode.IsEnabled || !smaller || other.Length != g.Length || shape.Length > g.Rank
            || !Broadcasting.TrySplitBlock(shape, g.ShapeArray, out var outer, out var middle, out var inner)
            || middle != Tensor.ElementCount(shape))
        {
            return Multiply(g, other).SumToShape(shape);
        }

        var sums = new float[middle];
        var gData = g.Data;
        var otherData = other.Data;
        for (var o = 0; o < outer; o++)
        {
            var start = o * middle * inner;
            if (inner == 1)
            {
                TensorPrimitives.FusedMultiplyAdd(gData.AsSpan(start, middle), otherData.AsSpan(start, middle), sums, sums);
                continue;
            }

            for (var m = 0; m < middle; m++)
            {
                var offset = start + m * inner;
                sums[m] += TensorPrimitives.Dot(gData.AsSpan(offset, inner), otherData.AsSpan(offset, inner));
            }
        }

        return new Tensor(sums, (int[])shape.Clone());
    }
}
