namespace MatGenDiscovery.Tensors.Operations.Reductions;

/// <summary>Validated reduction axes and the shapes before and after.</summary>
internal readonly struct AxisSet
{
    private AxisSet(bool[] reduce, int[] keptShape, int[] resultShape, int count)
    {
        Reduce = reduce;
        KeptShape = keptShape;
        ResultShape = resultShape;
        Count = count;
    }

    public bool[] Reduce { get; }

    /// <summary>Shape with reduced axes kept as size 1.</summary>
    public int[] KeptShape { get; }

    public int[] ResultShape { get; }

    /// <summary>Number of elements folded into each result element.</summary>
    public int Count { get; }

    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range.</exception>
    /// <exception cref="ArgumentException">An axis is repeated.</exception>
    public static AxisSet Create(Tensor x, int[] axes, bool keepDim)
    {
        var shape = x.ShapeArray;
        var reduce = new bool[shape.Length];
        foreach (var axis in axes)
        {
            var normalized = x.NormalizeAxis(axis);
            if (reduce[normalized])
            {
                throw new ArgumentException($"Axis {axis} is repeated in the reduction axes for shape {Tensor.FormatShape(shape)}.", nameof(axes));
            }

            reduce[normalized] = true;
        }

        var kept = (int[])shape.Clone();
        var result = new List<int>(shape.Length);
        var count = 1;
        for (var i = 0; i < shape.Length; i++)
        {
            if (reduce[i])
            {
                count *= shape[i];
                kept[i] = 1;
                if (keepDim)
                {
                    result.Add(1);
                }
            }
            else
            {
                result.Add(shape[i]);
            }
        }

        return new AxisSet(reduce, kept, [.. result], count);
    }
}
