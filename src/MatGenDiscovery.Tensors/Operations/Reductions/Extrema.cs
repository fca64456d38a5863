using System.Numerics.Tensors;

namespace MatGenDiscovery.Tensors.Operations.Reductions;

/// <summary>Maxima; ties share the gradient equally.</summary>
public static class Extrema
{
    public static Tensor Max(this Tensor x) => x.Max([.. Enumerable.Range(0, x.Rank)], keepDim: false);

    public static Tensor Max(this Tensor x, int axis, bool keepDim = false) => x.Max([axis], keepDim);

    /// <exception cref="InvalidOperationException">A reduced axis has size 0.</exception>
    public static Tensor Max(this Tensor x, int[] axes, bool keepDim = false)
    {
        var set = AxisSet.Create(x, axes, keepDim);
        if (x.Length == 0)
        {
            throw new InvalidOperationException($"Max over an empty tensor of shape {Tensor.FormatShape(x.ShapeArray)}.");
        }

        var data = ReductionKernel.Reduce(x.Data, x.ShapeArray, set.Reduce, max: true);
        var kept = new Tensor(data, set.KeptShape);
        var result = new Tensor(data, set.ResultShape);
        if (Autograd.ShouldRecord(x))
        {
            Autograd.Record(result, nameof(Max), [x], (g, _, grads) =>
            {
                var weights = TieWeights(x, kept, set);
                grads[0] = Shape.Reshaping.Reshape(g, set.KeptShape) * weights;
            });
        }

        return result;
    }

    /// <summary>1/(number of maxima) where x equals its block's maximum, else 0; a constant.</summary>
    private static Tensor TieWeights(Tensor x, Tensor kept, AxisSet set)
    {
        Tensor mask;
        using (Tensor.NoGrad())
        {
            var expanded = Shape.Reshaping.BroadcastTo(kept.Detach(), x.ShapeArray);
            mask = Tensor.Zeros(x.ShapeArray);
            var source = x.AsReadOnlySpan();
            var maxima = expanded.AsReadOnlySpan();
            var target = mask.AsSpan();
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = source[i] == maxima[i] ? 1f : 0f;
            }

            var counts = Shape.Reshaping.SumToShape(mask, set.KeptShape);
            TensorPrimitives.Divide(1f, counts.AsReadOnlySpan(), counts.AsSpan());
            return mask * counts;
        }
    }
}
