namespace MatGenDiscovery.Tensors.Operations.Elementwise;

/// <summary>Runs span kernels over whole tensors, splitting across cores above a size threshold.</summary>
internal static class ElementwiseKernel
{
    /// <summary>Below this many elements a second thread costs more than it saves.</summary>
    public const int ParallelThreshold = 1 << 18;

    public delegate void Unary(ReadOnlySpan<float> x, Span<float> result);

    public delegate void Binary(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    public static Tensor Map(Tensor x, Unary kernel)
    {
        var result = new Tensor(TensorArena.Allocate(x.Length), x.ShapeArray);
        var source = x.Data;
        var target = result.Data;
        if (source.Length < ParallelThreshold)
        {
            kernel(source, target);
            return result;
        }

        var half = source.Length / 2;
        Parallel.Invoke(
            () => kernel(source.AsSpan(0, half), target.AsSpan(0, half)),
            () => kernel(source.AsSpan(half), target.AsSpan(half)));
        return result;
    }

    /// <summary>Same-shape binary map; callers guarantee equal lengths.</summary>
    public static Tensor Zip(Tensor a, Tensor b, Binary kernel)
    {
        var result = new Tensor(TensorArena.Allocate(a.Length), a.ShapeArray);
        var left = a.Data;
        var right = b.Data;
        var target = result.Data;
        if (left.Length < ParallelThreshold)
        {
            kernel(left, right, target);
            return result;
        }

        var half = left.Length / 2;
        Parallel.Invoke(
            () => kernel(left.AsSpan(0, half), right.AsSpan(0, half), target.AsSpan(0, half)),
            () => kernel(left.AsSpan(half), right.AsSpan(half), target.AsSpan(half)));
        return result;
    }

    /// <exception cref="ArgumentException">The shapes differ; the message names both.</exception>
    public static void RequireSameShape(Tensor a, Tensor b, string operation)
    {
        if (!a.ShapeArray.AsSpan().SequenceEqual(b.ShapeArray))
        {
            throw new ArgumentException(
                $"{operation}: shapes {Tensor.FormatShape(a.ShapeArray)} and {Tensor.FormatShape(b.ShapeArray)} must be equal.");
        }
    }
}
