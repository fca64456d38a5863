using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Diagnostics;

namespace MatGenDiscovery.Tensors.Operations.Shape;

/// <summary>Operations that change a tensor's shape but not the order of its elements, plus broadcasting.</summary>
public static class Reshaping
{
    /// <summary>Same storage, new shape; one dimension may be -1 (inferred).</summary>
    /// <exception cref="ArgumentException">The element counts differ or more than one -1 is given.</exception>
    public static Tensor Reshape(this Tensor x, params int[] shape)
    {
        var resolved = ResolveShape(x, shape);
        var result = new Tensor(x.Data, resolved);
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Reshape), [x], (g, _, grads) => grads[0] = g.Reshape(x.ShapeArray));
        }

        return result;
    }

    /// <summary>Alias of <see cref="Reshape"/> (storage is always contiguous).</summary>
    public static Tensor View(this Tensor x, params int[] shape) => x.Reshape(shape);

    /// <summary>Merges axes <paramref name="startAxis"/>..<paramref name="endAxis"/> (inclusive) into one.</summary>
    public static Tensor Flatten(this Tensor x, int startAxis = 1, int endAxis = -1)
    {
        if (x.Rank == 0)
        {
            return x.Reshape(1);
        }

        var start = x.NormalizeAxis(startAxis);
        var end = x.NormalizeAxis(endAxis);
        if (end < start)
        {
            throw new ArgumentException($"Flatten end axis {endAxis} precedes start axis {startAxis} for shape {Tensor.FormatShape(x.ShapeArray)}.");
        }

        var shape = new int[x.Rank - (end - start)];
        var merged = 1;
        for (var i = start; i <= end; i++)
        {
            merged *= x.ShapeArray[i];
        }

        for (var i = 0; i < shape.Length; i++)
        {
            shape[i] = i < start ? x.ShapeArray[i] : i == start ? merged : x.ShapeArray[i + end - start];
        }

        return x.Reshape(shape);
    }

    /// <summary>Adds an axis of size 1 at <paramref name="axis"/>.</summary>
    public static Tensor Unsqueeze(this Tensor x, int axis)
    {
        var position = axis < 0 ? axis + x.Rank + 1 : axis;
        if ((uint)position > (uint)x.Rank)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), $"Unsqueeze axis {axis} is out of range for shape {Tensor.FormatShape(x.ShapeArray)}.");
        }

        var shape = new List<int>(x.ShapeArray);
        shape.Insert(position, 1);
        return x.Reshape([.. shape]);
    }

    /// <summary>Materialises <paramref name="x"/> broadcast to <paramref name="shape"/>; gradient sums back.</summary>
    /// <exception cref="ArgumentException">The shape is not a broadcast of x's shape.</exception>
    public static Tensor BroadcastTo(this Tensor x, params int[] shape)
    {
        using var profile = OperationProfiler.Measure("BroadcastTo");
        var target = Broadcasting.BroadcastShape(x.ShapeArray, shape, nameof(BroadcastTo));
        if (!target.AsSpan().SequenceEqual(shape))
        {
            throw new ArgumentException(
                $"BroadcastTo: shape {Tensor.FormatShape(x.ShapeArray)} cannot be broadcast to {Tensor.FormatShape(shape)}.");
        }

        if (target.AsSpan().SequenceEqual(x.ShapeArray))
        {
            return x;
        }

        var data = TensorArena.Allocate(Tensor.ElementCount(target));
        Broadcasting.Expand(x.Data, x.ShapeArray, data, target);
        var result = new Tensor(data, target);
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(BroadcastTo), [x], (g, _, grads) => grads[0] = g.SumToShape(x.ShapeArray));
        }

        return result;
    }

    /// <summary>Sums the broadcast axes away so the result has <paramref name="shape"/>: the adjoint of <see cref="BroadcastTo"/>.</summary>
    /// <exception cref="ArgumentException">x's shape is not a broadcast of <paramref name="shape"/>.</exception>
    public static Tensor SumToShape(this Tensor x, params int[] shape)
    {
        using var profile = OperationProfiler.Measure("SumToShape");
        if (x.ShapeArray.AsSpan().SequenceEqual(shape))
        {
            return x;
        }

        var full = x.ShapeArray;
        var offset = full.Length - shape.Length;
        var reduce = new bool[full.Length];
        for (var i = 0; i < full.Length; i++)
        {
            var d = i < offset ? 1 : shape[i - offset];
            if (offset < 0 || (d != full[i] && d != 1))
            {
                throw new ArgumentException(
                    $"SumToShape: shape {Tensor.FormatShape(full)} is not a broadcast of {Tensor.FormatShape(shape)}.");
            }

            reduce[i] = d == 1 && full[i] != 1;
        }

        var data = ReductionKernel.Reduce(x.Data, full, reduce, max: false);
        var result = new Tensor(data, (int[])shape.Clone());
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(SumToShape), [x], (g, _, grads) => grads[0] = g.BroadcastTo(full));
        }

        return result;
    }

    private static int[] ResolveShape(Tensor x, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var resolved = (int[])shape.Clone();
        var inferred = -1;
        long known = 1;
        for (var i = 0; i < resolved.Length; i++)
        {
            if (resolved[i] == -1)
            {
                if (inferred >= 0)
                {
                    throw new ArgumentException($"Reshape to {Tensor.FormatShape(shape)}: only one dimension may be -1.", nameof(shape));
                }

                inferred = i;
            }
            else if (resolved[i] < 0)
            {
                throw new ArgumentException($"Reshape to {Tensor.FormatShape(shape)}: negative dimension.", nameof(shape));
            }
            else
            {
                known *= resolved[i];
            }
        }

        if (inferred >= 0 && known > 0 && x.Length % known == 0)
        {
            resolved[inferred] = (int)(x.Length / known);
        }

        if (inferred >= 0 && resolved[inferred] == -1 || Tensor.ElementCount(resolved) != x.Length)
        {
            throw new ArgumentException(
                $"Cannot reshape a tensor of shape {Tensor.FormatShape(x.ShapeArray)} ({x.Length} elements) to {Tensor.FormatShape(shape)}.",
                nameof(shape));
        }

        return resolved;
    }
}
