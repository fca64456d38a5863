namespace MatGenDiscovery.Tensors.Operations.Shape;

/// <summary>Concatenation, slicing and index selection along one axis, each the adjoint of another.</summary>
public static class Slicing
{
    /// <exception cref="ArgumentException">The list is empty or shapes differ off <paramref name="axis"/>.</exception>
    public static Tensor Concat(IReadOnlyList<Tensor> tensors, int axis)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            throw new ArgumentException("Concat needs at least one tensor.", nameof(tensors));
        }

        var first = tensors[0];
        var normalized = first.NormalizeAxis(axis);
        var shape = first.ShapeToArray();
        shape[normalized] = 0;
        foreach (var tensor in tensors)
        {
            if (tensor.Rank != first.Rank || !SameExcept(tensor.ShapeArray, first.ShapeArray, normalized))
            {
                throw new ArgumentException(
                    $"Concat along axis {axis}: shape {Tensor.FormatShape(tensor.ShapeArray)} does not match {Tensor.FormatShape(first.ShapeArray)} off that axis.",
                    nameof(tensors));
            }

            shape[normalized] += tensor.ShapeArray[normalized];
        }

        var (outer, inner) = Split(shape, normalized);
        var result = new Tensor(TensorArena.Allocate(Tensor.ElementCount(shape)), shape);
        var rowLength = shape[normalized] * inner;
        var offset = 0;
        var inputs = new Tensor[tensors.Count];
        var recording = false;
        for (var t = 0; t < tensors.Count; t++)
        {
            var tensor = tensors[t];
            inputs[t] = tensor;
            recording |= tensor.RequiresGrad;
            var block = tensor.ShapeArray[normalized] * inner;
            for (var o = 0; o < outer; o++)
            {
                tensor.Data.AsSpan(o * block, block).CopyTo(result.Data.AsSpan(o * rowLength + offset, block));
            }

            offset += block;
        }

        if (recording && GradMode.IsEnabled)
        {
            Autograd.Record(result, nameof(Concat), inputs, (g, needs, grads) =>
            {
                var start = 0;
                for (var t = 0; t < inputs.Length; t++)
                {
                    var length = inputs[t].ShapeArray[normalized];
                    if (needs[t]) grads[t] = g.Narrow(normalized, start, length);
                    start += length;
                }
            });
        }

        return result;
    }

    /// <summary>Elements <paramref name="start"/> .. start+length−1 along <paramref name="axis"/>, copied.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range falls outside the axis.</exception>
    public static Tensor Narrow(this Tensor x, int axis, int start, int length)
    {
        var normalized = x.NormalizeAxis(axis);
        var size = x.ShapeArray[normalized];
        if (start < 0 || length < 0 || start + length > size)
        {
            throw new ArgumentOutOfRangeException(
                nameof(start), $"Narrow range [{start}, {start + length}) is outside axis {axis} of size {size} in shape {Tensor.FormatShape(x.ShapeArray)}.");
        }

        var shape = x.ShapeToArray();
        shape[normalized] = length;
        var (outer, inner) = Split(shape, normalized);
        var result = new Tensor(TensorArena.Allocate(Tensor.ElementCount(shape)), shape);
        for (var o = 0; o < outer; o++)
        {
            x.Data.AsSpan((o * size + start) * inner, length * inner).CopyTo(result.Data.AsSpan(o * length * inner, length * inner));
        }

        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Narrow), [x], (g, _, grads) => grads[0] = NarrowAdjoint(g, normalized, start, size));
        }

        return result;
    }

    /// <summary>
    /// Rows <paramref name="indices"/> along <paramref name="axis"/> (repeats allowed); the gradient adds back
    /// into the selected rows.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the axis.</exception>
    public static Tensor IndexSelect(this Tensor x, int axis, int[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var normalized = x.NormalizeAxis(axis);
        var size = x.ShapeArray[normalized];
        foreach (var index in indices)
        {
            if ((uint)index >= (uint)size)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(indices), $"Index {index} is outside axis {axis} of size {size} in shape {Tensor.FormatShape(x.ShapeArray)}.");
            }
        }

        var shape = x.ShapeToArray();
        shape[normalized] = indices.Length;
        var (outer, inner) = Split(shape, normalized);
        var result = new Tensor(TensorArena.Allocate(Tensor.ElementCount(shape)), shape);
        for (var o = 0; o < outer; o++)
        {
            for (var j = 0; j < indices.Length; j++)
            {
                x.Data.AsSpan((o * size + indices[j]) * inner, inner).CopyTo(result.Data.AsSpan((o * indices.Length + j) * inner, inner));
            }
        }

        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(IndexSelect), [x], (g, _, grads) => grads[0] = IndexAdd(g, normalized, indices, size));
        }

        return result;
    }

    /// <summary>Alias of <see cref="IndexSelect"/>.</summary>
    public static Tensor Gather(this Tensor x, int axis, int[] indices) => x.IndexSelect(axis, indices);

    /// <summary>Zero tensor of size <paramref name="size"/> along axis with g written at start: adjoint of Narrow.</summary>
    internal static Tensor NarrowAdjoint(Tensor g, int axis, int start, int size)
    {
        var length = g.ShapeArray[axis];
        var shape = g.ShapeToArray();
        shape[axis] = size;
        var (outer, inner) = Split(shape, axis);
        var result = Tensor.Zeros(shape);
        for (var o = 0; o < outer; o++)
        {
            g.Data.AsSpan(o * length * inner, length * inner).CopyTo(result.Data.AsSpan((o * size + start) * inner, length * inner));
        }

        if (Autograd.ShouldRecord(g))
        {
            Autograd.Record(result, nameof(NarrowAdjoint), [g], (gg, _, grads) => grads[0] = gg.Narrow(axis, start, length));
        }

        return result;
    }

    /// <summary>Scatter-adds rows of g into a zero tensor of size <paramref name="size"/>: adjoint of IndexSelect.</summary>
    internal static Tensor IndexAdd(Tensor g, int axis, int[] indices, int size)
    {
        var shape = g.ShapeToArray();
        shape[axis] = size;
        var (outer, inner) = Split(shape, axis);
        var result = Tensor.Zeros(shape);
        for (var o = 0; o < outer; o++)
        {
            for (var j = 0; j < indices.Length; j++)
            {
                var target = result.Data.AsSpan((o * size + indices[j]) * inner, inner);
                System.Numerics.Tensors.TensorPrimitives.Add(target, g.Data.AsSpan((o * indices.Length + j) * inner, inner), target);
            }
        }

        if (Autograd.ShouldRecord(g))
        {
            Autograd.Record(result, nameof(IndexAdd), [g], (gg, _, grads) => grads[0] = gg.IndexSelect(axis, indices));
        }

        return result;
    }

    private static (int Outer, int Inner) Split(int[] shape, int axis)
    {
        var outer = 1;
        var inner = 1;
        for (var i = 0; i < axis; i++)
        {
            outer *= shape[i];
        }

        for (var i = axis + 1; i < shape.Length; i++)
        {
            inner *= shape[i];
        }

        return (outer, inner);
    }

    private static bool SameExcept(int[] a, int[] b, int axis)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (i != axis && a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }
}
