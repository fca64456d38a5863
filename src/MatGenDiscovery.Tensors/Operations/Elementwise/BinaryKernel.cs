using System.Numerics.Tensors;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Tensors.Operations.Elementwise;

/// <summary>Broadcasting binary arithmetic on raw storage, specialised for the common layouts.</summary>
internal static class BinaryKernel
{
    public static Tensor Apply(Tensor a, Tensor b, BinaryOperator op, string name)
    {
        if (a.ShapeArray.AsSpan().SequenceEqual(b.ShapeArray))
        {
            var same = Allocate(a.ShapeArray);
            SpansInParallel(a.Data, b.Data, same.Data, op);
            return same;
        }

        var shape = Broadcasting.BroadcastShape(a.ShapeArray, b.ShapeArray, name);
        var result = Allocate(shape);
        var aFull = a.Length == result.Length;
        var bFull = b.Length == result.Length;
        if (aFull && Broadcasting.TrySplitBlock(b.ShapeArray, shape, out var outer, out var middle, out var inner))
        {
            Blocked(a.Data, b.Data, result.Data, outer, middle, inner, op, broadcastIsLeft: false);
        }
        else if (bFull && Broadcasting.TrySplitBlock(a.ShapeArray, shape, out outer, out middle, out inner))
        {
            Blocked(b.Data, a.Data, result.Data, outer, middle, inner, op, broadcastIsLeft: true);
        }
        else
        {
            var left = aFull ? a.Data : Expanded(a, shape);
            var right = bFull ? b.Data : Expanded(b, shape);
            SpansInParallel(left, right, result.Data, op);
        }

        return result;
    }

    public static Tensor Allocate(int[] shape) =>
        new(TensorArena.Allocate(Tensor.ElementCount(shape)), shape);

    private static float[] Expanded(Tensor x, int[] shape)
    {
        var data = TensorArena.Allocate(Tensor.ElementCount(shape));
        Broadcasting.Expand(x.Data, x.ShapeArray, data, shape);
        return data;
    }

    private static void SpansInParallel(float[] a, float[] b, float[] result, BinaryOperator op)
    {
        if (result.Length < ElementwiseKernel.ParallelThreshold)
        {
            Spans(a, b, result, op);
            return;
        }

        var half = result.Length / 2;
        Parallel.Invoke(
            () => Spans(a.AsSpan(0, half), b.AsSpan(0, half), result.AsSpan(0, half), op),
            () => Spans(a.AsSpan(half), b.AsSpan(half), result.AsSpan(half), op));
    }

    private static void Spans(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result, BinaryOperator op)
    {
        switch (op)
        {
            case BinaryOperator.Add: TensorPrimitives.Add(a, b, result); break;
            case BinaryOperator.Subtract: TensorPrimitives.Subtract(a, b, result); break;
            case BinaryOperator.Multiply: TensorPrimitives.Multiply(a, b, result); break;
            default: TensorPrimitives.Divide(a, b, result); break;
        }
    }

    /// <summary>
    /// full[o, m, i] op small[m] (or small[m] op full[o, m, i] when <paramref name="broadcastIsLeft"/>).
    /// </summary>
    private static void Blocked(
        float[] full, float[] small, float[] result, int outer, int middle, int inner, BinaryOperator op, bool broadcastIsLeft)
    {
        for (var o = 0; o < outer; o++)
        {
            var start = o * middle * inner;
            if (inner == 1)
            {
                var fullRow = full.AsSpan(start, middle);
                var resultRow = result.AsSpan(start, middle);
                if (broadcastIsLeft)
                {
                    Spans(small.AsSpan(0, middle), fullRow, resultRow, op);
                }
                else
                {
                    Spans(fullRow, small.AsSpan(0, middle), resultRow, op);
                }

                continue;
            }

            for (var m = 0; m < middle; m++)
            {
                var offset = start + m * inner;
                Scalar(full.AsSpan(offset, inner), small[m], result.AsSpan(offset, inner), op, broadcastIsLeft);
            }
        }
    }

    private static void Scalar(ReadOnlySpan<float> x, float scalar, Span<float> result, BinaryOperator op, bool scalarIsLeft)
    {
        switch (op)
        {
            case BinaryOperator.Add: TensorPrimitives.Add(x, scalar, result); break;
            case BinaryOperator.Multiply: TensorPrimitives.Multiply(x, scalar, result); break;
            case BinaryOperator.Subtract when scalarIsLeft: TensorPrimitives.Subtract(scalar, x, result); break;
            case BinaryOperator.Subtract: TensorPrimitives.Subtract(x, scalar, result); break;
            case BinaryOperator.Divide when scalarIsLeft: TensorPrimitives.Divide(scalar, x, result); break;
            default: TensorPrimitives.Divide(x, scalar, result); break;
        }
    }
}
