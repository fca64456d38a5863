namespace MatGenDiscovery.Tensors.Operations.Shape;

/// <summary>Axis reorderings; results are materialised contiguously.</summary>
public static class Permutation
{
    /// <summary>Swaps the last two axes (a matrix transpose for rank 2).</summary>
    /// <exception cref="ArgumentException">Rank is below 2.</exception>
    public static Tensor Transpose(this Tensor x)
    {
        if (x.Rank < 2)
        {
            throw new ArgumentException($"Transpose needs rank >= 2, got shape {Tensor.FormatShape(x.ShapeArray)}.", nameof(x));
        }

        var axes = new int[x.Rank];
        for (var i = 0; i < axes.Length; i++)
        {
            axes[i] = i;
        }

        (axes[^1], axes[^2]) = (axes[^2], axes[^1]);
        return x.Permute(axes);
    }

    /// <summary>result axis i is x axis <paramref name="axes"/>[i].</summary>
    /// <exception cref="ArgumentException">The axes are not a permutation of 0..rank−1.</exception>
    public static Tensor Permute(this Tensor x, params int[] axes)
    {
        var rank = x.Rank;
        var seen = new bool[rank];
        if (axes.Length != rank)
        {
            throw new ArgumentException($"Permute axes {Tensor.FormatShape(axes)} must list each of the {rank} axes of shape {Tensor.FormatShape(x.ShapeArray)} once.", nameof(axes));
        }

        var normalized = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var axis = axes[i] < 0 ? axes[i] + rank : axes[i];
            if ((uint)axis >= (uint)rank || seen[axis])
            {
                throw new ArgumentException($"Permute axes {Tensor.FormatShape(axes)} must list each of the {rank} axes of shape {Tensor.FormatShape(x.ShapeArray)} once.", nameof(axes));
            }

            seen[axis] = true;
            normalized[i] = axis;
        }

        var sourceStrides = new int[rank];
        var stride = 1;
        for (var i = rank - 1; i >= 0; i--)
        {
            sourceStrides[i] = stride;
            stride *= x.ShapeArray[i];
        }

        var shape = new int[rank];
        var strides = new int[rank];
        var inverse = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            shape[i] = x.ShapeArray[normalized[i]];
            strides[i] = sourceStrides[normalized[i]];
            inverse[normalized[i]] = i;
        }

        var result = new Tensor(TensorArena.Allocate(x.Length), shape);
        if (x.Length > 0)
        {
            var written = 0;
            Gather(x.Data, 0, strides, shape, 0, result.Data, ref written);
        }

        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Permute), [x], (g, _, grads) => grads[0] = g.Permute(inverse));
        }

        return result;
    }

    private static void Gather(float[] source, int offset, int[] strides, int[] shape, int axis, float[] target, ref int written)
    {
        if (axis == shape.Length)
        {
            target[written++] = source[offset];
            return;
        }

        var length = shape[axis];
        var stride = strides[axis];
        if (axis == shape.Length - 1)
        {
            for (var i = 0; i < length; i++)
            {
                target[written + i] = source[offset + i * stride];
            }

            written += length;
            return;
        }

        for (var i = 0; i < length; i++)
        {
            Gather(source, offset + i * stride, strides, shape, axis + 1, target, ref written);
        }
    }
}
