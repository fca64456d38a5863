using System.Numerics.Tensors;

namespace MatGenDiscovery.Tensors.Operations.Reductions;

/// <summary>Sum or max over a set of axes, one contiguous run of axes at a time, as [outer, reduced, inner] blocks.</summary>
internal static class ReductionKernel
{
    /// <summary>Reduces the axes flagged in <paramref name="reduce"/>; returns data in the keep-dim shape.</summary>
    public static float[] Reduce(float[] source, int[] shape, bool[] reduce, bool max)
    {
        var current = source;
        var currentShape = (int[])shape.Clone();
        var axis = 0;
        while (axis < shape.Length)
        {
            if (!reduce[axis] || shape[axis] == 1)
            {
                axis++;
                continue;
            }

            var end = axis;
            while (end < shape.Length && reduce[end])
            {
                end++;
            }

            var outer = Product(currentShape, 0, axis);
            var reduced = Product(currentShape, axis, end);
            var inner = Product(currentShape, end, currentShape.Length);
            current = ReduceBlock(current, outer, reduced, inner, max);
            for (var i = axis; i < end; i++)
            {
                currentShape[i] = 1;
            }

            axis = end;
        }

        return ReferenceEquals(current, source) ? (float[])source.Clone() : current;
    }

    private static float[] ReduceBlock(float[] source, int outer, int reduced, int inner, bool max)
    {
        var result = TensorArena.Allocate(outer * inner);
        if (reduced == 0)
        {
            Array.Fill(result, max ? float.NegativeInfinity : 0f);
            return result;
        }

        if ((long)outer * reduced * inner < Elementwise.ElementwiseKernel.ParallelThreshold)
        {
            ReduceRange(source, result, 0, outer, 0, inner, reduced, inner, max);
        }
        else if (outer >= 2)
        {
            var half = outer / 2;
            Parallel.Invoke(
                () => ReduceRange(source, result, 0, half, 0, inner, reduced, inner, max),
                () => ReduceRange(source, result, half, outer, 0, inner, reduced, inner, max));
        }
        else
        {
            var half = inner / 2;
            Parallel.Invoke(
                () => ReduceRange(source, result, 0, outer, 0, half, reduced, inner, max),
                () => ReduceRange(source, result, 0, outer, half, inner, reduced, inner, max));
        }

        return result;
    }

    /// <summary>Reduces outer rows [outerStart, outerEnd) and inner columns [innerStart, innerEnd).</summary>
    private static void ReduceRange(
        float[] source, float[] result, int outerStart, int outerEnd, int innerStart, int innerEnd, int reduced, int inner, bool max)
    {
        var width = innerEnd - innerStart;
        for (var o = outerStart; o < outerEnd; o++)
        {
            var block = source.AsSpan(o * reduced * inner, reduced * inner);
            if (inner == 1)
            {
                result[o] = max ? TensorPrimitives.Max(block) : TensorPrimitives.Sum(block);
                continue;
            }

            var target = result.AsSpan(o * inner + innerStart, width);
            block.Slice(innerStart, width).CopyTo(target);
            for (var r = 1; r < reduced; r++)
            {
                var row = block.Slice(r * inner + innerStart, width);
                if (max)
                {
                    TensorPrimitives.Max(target, row, target);
                }
                else
                {
                    TensorPrimitives.Add(target, row, target);
                }
            }
        }
    }

    private static int Product(int[] shape, int from, int to)
    {
        var product = 1;
        for (var i = from; i < to; i++)
        {
            product *= shape[i];
        }

        return product;
    }
}
