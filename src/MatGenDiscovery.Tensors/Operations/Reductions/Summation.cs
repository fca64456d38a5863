using System.Numerics.Tensors;
using MatGenDiscovery.Tensors.Operations.Shape;
using MatGenDiscovery.Tensors.Diagnostics;

namespace MatGenDiscovery.Tensors.Operations.Reductions;

/// <summary>Sums and means over all elements or over axes.</summary>
public static class Summation
{
    /// <summary>Sum of all elements, as a scalar tensor (shape []).</summary>
    public static Tensor Sum(this Tensor x)
    {
        using var profile = OperationProfiler.Measure("Sum");
        var result = Tensor.Scalar(TensorPrimitives.Sum(x.AsReadOnlySpan()));
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Sum), [x], (g, _, grads) => grads[0] = g.BroadcastTo(x.ShapeArray));
        }

        return result;
    }

    /// <summary>Sum over <paramref name="axes"/>; reduced axes are dropped unless <paramref name="keepDim"/>.</summary>
    public static Tensor Sum(this Tensor x, int[] axes, bool keepDim = false)
    {
        var set = AxisSet.Create(x, axes, keepDim);
        var reduced = x.SumToShape(set.KeptShape);
        return keepDim ? reduced : reduced.Reshape(set.ResultShape);
    }

    public static Tensor Sum(this Tensor x, int axis, bool keepDim = false) => x.Sum([axis], keepDim);

    public static Tensor Mean(this Tensor x) => x.Sum() * (1f / x.Length);

    public static Tensor Mean(this Tensor x, int[] axes, bool keepDim = false)
    {
        var set = AxisSet.Create(x, axes, keepDim);
        return x.Sum(axes, keepDim) * (1f / set.Count);
    }

    public static Tensor Mean(this Tensor x, int axis, bool keepDim = false) => x.Mean([axis], keepDim);
}
