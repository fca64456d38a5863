using MatGenDiscovery.Tensors.Operations.Elementwise;

namespace MatGenDiscovery.Tensors.Operations.Reductions;

/// <summary>
/// Softmax and log-softmax along one axis, shifted by the (constant) maximum for stability; sparsemax along the last axis.
/// </summary>
public static class SoftMaxFunctions
{
    public static Tensor LogSoftmax(this Tensor x, int axis = -1)
    {
        var shifted = x - x.Detach().Max(axis, keepDim: true);
        return shifted - shifted.Exp().Sum(axis, keepDim: true).Log();
    }

    public static Tensor Softmax(this Tensor x, int axis = -1)
    {
        var exponentials = (x - x.Detach().Max(axis, keepDim: true)).Exp();
        return exponentials / exponentials.Sum(axis, keepDim: true);
    }

    /// <summary>
    /// Sparsemax (Martins &amp; Astudillo 2016) along the last axis: the Euclidean projection of each row onto the
    /// probability simplex, max(z − τ, 0) with τ chosen so the row sums to 1, so small entries are exactly 0. The support
    /// S and its size k are read from the values (constants for autograd) and τ = (Σ_S z − 1)/k is rebuilt from
    /// differentiable operations, which gives sparsemax's Jacobian: ∂outⱼ/∂zᵢ = [j ∈ S](δᵢⱼ − [i ∈ S]/k).
    /// </summary>
    public static Tensor Sparsemax(this Tensor x)
    {
        var length = x.Size(-1);
        var rows = x.Length / length;
        var values = x.AsReadOnlySpan();
        var mask = new float[values.Length];
        var inverseSupport = new float[rows];
        var sorted = new float[length];
        for (var r = 0; r < rows; r++)
        {
            var row = values.Slice(r * length, length);
            row.CopyTo(sorted);
            sorted.AsSpan().Sort((a, b) => b.CompareTo(a));
            var (support, cumulative, supportSum) = (0, 0.0, 0.0);
            for (var k = 1; k <= length; k++)
            {
                cumulative += sorted[k - 1];
                if (1 + k * (double)sorted[k - 1] > cumulative)
                {
                    (support, supportSum) = (k, cumulative);
                }
            }

            var threshold = (supportSum - 1) / support;
            for (var j = 0; j < length; j++)
            {
                mask[r * length + j] = row[j] > threshold ? 1 : 0;
            }

            inverseSupport[r] = 1f / support;
        }

        var shape = x.ShapeToArray();
        var rowShape = shape.ToArray();
        rowShape[^1] = 1;
        var kept = Tensor.FromArray(mask, shape);
        var tau = ((x * kept).Sum(-1, keepDim: true) - 1f) * Tensor.FromArray(inverseSupport, rowShape);
        return (x - tau) * kept;
    }
}
