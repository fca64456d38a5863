using MatGenDiscovery.Tensors.Kernels;
using MatGenDiscovery.Tensors.Operations.Shape;
using MatGenDiscovery.Tensors.Diagnostics;

namespace MatGenDiscovery.Tensors.Operations.LinearAlgebra;

/// <summary>Matrix products on the packed GEMM kernel; gradients are matrix products again.</summary>
public static class MatrixProducts
{
    /// <summary>[m,k]×[k,n] → [m,n], or batched [B,m,k]×[B,k,n] → [B,m,n].</summary>
    /// <exception cref="ArgumentException">Ranks or inner dimensions do not match; the message names both shapes.</exception>
    public static Tensor MatMul(this Tensor a, Tensor b) => Product(a, b, transposeA: false, transposeB: false);

    /// <summary>
    /// y = x·Wᵀ + b with <paramref name="weight"/> stored [out, in] as in PyTorch; x is [N, in] (or [..., in]),
    /// <paramref name="bias"/> is [out] or null.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not fit; the message names them.</exception>
    public static Tensor Linear(this Tensor x, Tensor weight, Tensor? bias = null)
    {
        using var profile = OperationProfiler.Measure("Linear");
        if (weight.Rank != 2 || x.Rank < 1 || x.ShapeArray[^1] != weight.ShapeArray[1])
        {
            throw new ArgumentException(
                $"Linear: input {Tensor.FormatShape(x.ShapeArray)} needs a last dimension equal to in of weight [out, in] = {Tensor.FormatShape(weight.ShapeArray)}.");
        }

        var outFeatures = weight.ShapeArray[0];
        if (bias is not null && (bias.Rank != 1 || bias.Length != outFeatures))
        {
            throw new ArgumentException($"Linear: bias {Tensor.FormatShape(bias.ShapeArray)} must be [{outFeatures}] for weight {Tensor.FormatShape(weight.ShapeArray)}.");
        }

        if (x.Rank != 2)
        {
            var leading = x.ShapeToArray();
            leading[^1] = outFeatures;
            return x.Reshape(-1, x.ShapeArray[^1]).Linear(weight, bias).Reshape(leading);
        }

        var rows = x.ShapeArray[0];
        var inFeatures = x.ShapeArray[1];
        var result = new Tensor(TensorArena.Allocate(rows * outFeatures), [rows, outFeatures]);
        if (bias is not null)
        {
            for (var r = 0; r < rows; r++)
            {
                bias.Data.CopyTo(result.Data, r * outFeatures);
            }
        }

        Gemm.Multiply(false, true, rows, outFeatures, inFeatures, x.Data, inFeatures, weight.Data, inFeatures, result.Data, outFeatures, 1f, bias is null ? 0f : 1f);
        var recordBias = bias is not null && bias.RequiresGrad;
        if ((x.RequiresGrad || weight.RequiresGrad || recordBias) && GradMode.IsEnabled)
        {
            Tensor[] inputs = bias is null ? [x, weight] : [x, weight, bias];
            Autograd.Record(result, nameof(Linear), inputs, (g, needs, grads) =>
            {
                if (needs[0]) grads[0] = Product(g, weight, false, false);
                if (needs[1]) grads[1] = Product(g, x, true, false);
                if (inputs.Length == 3 && needs[2]) grads[2] = g.SumToShape(outFeatures);
            });
        }

        return result;
    }

    /// <summary>op(a)·op(b) where op transposes the last two axes when asked; closed under differentiation.</summary>
    internal static Tensor Product(Tensor a, Tensor b, bool transposeA, bool transposeB)
    {
        using var profile = OperationProfiler.Measure("MatMul");
        var (batch, m, k, n) = Dimensions(a, b, transposeA, transposeB);
        int[] shape = a.Rank == 2 ? [m, n] : [batch, m, n];
        var result = new Tensor(TensorArena.Allocate(batch * m * n), shape);
        var aStride = m * k;
        var bStride = k * n;
        for (var i = 0; i < batch; i++)
        {
            Gemm.Multiply(
                transposeA, transposeB, m, n, k,
                a.Data.AsSpan(i * aStride, aStride), transposeA ? m : k,
                b.Data.AsSpan(i * bStride, bStride), transposeB ? k : n,
                result.Data.AsSpan(i * m * n, m * n), n);
        }

        if (Autograd.ShouldRecord(a, b))
        {
            Autograd.Record(result, nameof(MatMul), [a, b], (g, needs, grads) =>
            {
                if (needs[0]) grads[0] = transposeA ? Product(b, g, transposeB, true) : Product(g, b, false, !transposeB);
                if (needs[1]) grads[1] = transposeB ? Product(g, a, true, transposeA) : Product(a, g, !transposeA, false);
            });
        }

        return result;
    }

    private static (int Batch, int M, int K, int N) Dimensions(Tensor a, Tensor b, bool transposeA, bool transposeB)
    {
        var valid = a.Rank == b.Rank && a.Rank is 2 or 3 && (a.Rank == 2 || a.ShapeArray[0] == b.ShapeArray[0]);
        if (!valid)
        {
            throw Mismatch(a, b);
        }

        var batch = a.Rank == 3 ? a.ShapeArray[0] : 1;
        var m = a.ShapeArray[^(transposeA ? 1 : 2)];
        var ka = a.ShapeArray[^(transposeA ? 2 : 1)];
        var kb = b.ShapeArray[^(transposeB ? 1 : 2)];
        var n = b.ShapeArray[^(transposeB ? 2 : 1)];
        if (ka != kb)
        {
            throw Mismatch(a, b);
        }

        return (batch, m, ka, n);
    }

    private static ArgumentException Mismatch(Tensor a, Tensor b) => new(
        $"MatMul: shapes {Tensor.FormatShape(a.ShapeArray)} and {Tensor.FormatShape(b.ShapeArray)} do not form a matrix product " +
        "(need [m,k]×[k,n] or [B,m,k]×[B,k,n]).");
}
