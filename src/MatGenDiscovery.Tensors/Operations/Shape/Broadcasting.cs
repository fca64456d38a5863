namespace MatGenDiscovery.Tensors.Operations.Shape;

/// <summary>NumPy broadcasting rules: shapes align on the right; a dimension of 1 stretches.</summary>
internal static class Broadcasting
{
    /// <exception cref="ArgumentException">The shapes are incompatible; the message names both.</exception>
    public static int[] BroadcastShape(int[] a, int[] b, string operation)
    {
        var rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            var db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
            {
                throw new ArgumentException(
                    $"{operation}: shapes {Tensor.FormatShape(a)} and {Tensor.FormatShape(b)} cannot be broadcast together " +
                    $"(dimension {i}: {da} vs {db}).");
            }

            result[i] = da == 1 ? db : da;
        }

        return result;
    }

    /// <summary>
    /// If <paramref name="small"/> broadcast to <paramref name="full"/> varies only over one contiguous block of
    /// axes (ones elsewhere), returns that block as (outer, middle, inner) element counts of <paramref name="full"/>.
    /// </summary>
    public static bool TrySplitBlock(int[] small, int[] full, out int outer, out int middle, out int inner)
    {
        var offset = full.Length - small.Length;
        int first = -1, last = -1;
        for (var i = 0; i < full.Length; i++)
        {
            var d = i < offset ? 1 : small[i - offset];
            if (d == 1 && full[i] != 1)
            {
                continue;
            }

            if (d != 1)
            {
                if (first < 0)
                {
                    first = i;
                }
                else if (last != i - 1)
                {
                    outer = middle = inner = 0;
                    return false;
                }

                last = i;
            }
            else if (first >= 0 && last == i - 1)
            {
                last = i;
            }
        }

        if (first < 0)
        {
            first = full.Length;
            last = full.Length - 1;
        }

        outer = Product(full, 0, first);
        middle = Product(full, first, last + 1);
        inner = Product(full, last + 1, full.Length);
        return true;
    }

    /// <summary>Copies <paramref name="source"/> of shape <paramref name="sourceShape"/> broadcast into <paramref name="destination"/>.</summary>
    public static void Expand(ReadOnlySpan<float> source, int[] sourceShape, Span<float> destination, int[] shape)
    {
        if (destination.Length == 0)
        {
            return;
        }

        var rank = shape.Length;
        var strides = new int[rank];
        var offset = rank - sourceShape.Length;
        var stride = 1;
        for (var i = rank - 1; i >= 0; i--)
        {
            var d = i < offset ? 1 : sourceShape[i - offset];
            strides[i] = d == 1 ? 0 : stride;
            stride *= d;
        }

        if (rank == 0)
        {
            destination[0] = source[0];
            return;
        }

        var (coalescedShape, coalescedStrides) = Coalesce(shape, strides);
        var written = 0;
        ExpandAxis(source, 0, coalescedStrides, coalescedShape, 0, destination, ref written);
    }

    /// <summary>
    /// Merges neighbouring axes that are both broadcast (stride 0) or contiguous with each other, so the innermost
    /// copy or fill runs over as long a stretch as possible.
    /// </summary>
    private static (int[] Shape, int[] Strides) Coalesce(int[] shape, int[] strides)
    {
        var mergedShape = new List<int>(shape.Length) { shape[^1] };
        var mergedStrides = new List<int>(shape.Length) { strides[^1] };
        for (var i = shape.Length - 2; i >= 0; i--)
        {
            var innerSize = mergedShape[0];
            var innerStride = mergedStrides[0];
            var bothBroadcast = strides[i] == 0 && innerStride == 0;
            var contiguous = innerStride != 0 && strides[i] == innerStride * innerSize;
            if (shape[i] == 1)
            {
                continue;
            }

            if (bothBroadcast || contiguous || innerSize == 1)
            {
                mergedShape[0] = innerSize * shape[i];
                mergedStrides[0] = innerSize == 1 ? strides[i] : innerStride;
            }
            else
            {
                mergedShape.Insert(0, shape[i]);
                mergedStrides.Insert(0, strides[i]);
            }
        }

        return ([.. mergedShape], [.. mergedStrides]);
    }

    private static void ExpandAxis(
        ReadOnlySpan<float> source, int sourceOffset, int[] strides, int[] shape, int axis, Span<float> destination, ref int written)
    {
        var length = shape[axis];
        if (axis == shape.Length - 1)
        {
            var target = destination.Slice(written, length);
            if (strides[axis] == 0)
            {
                target.Fill(source[sourceOffset]);
            }
            else
            {
                source.Slice(sourceOffset, length).CopyTo(target);
            }

            written += length;
            return;
        }

        for (var i = 0; i < length; i++)
        {
            ExpandAxis(source, sourceOffset + i * strides[axis], strides, shape, axis + 1, destination, ref written);
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
