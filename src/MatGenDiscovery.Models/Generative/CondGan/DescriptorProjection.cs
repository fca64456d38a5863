using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Representations;
using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.LinearAlgebra;
using MatGenDiscovery.Tensors.Operations.Reductions;

namespace MatGenDiscovery.Models.Generative.CondGan;

/// <summary>
/// Sawada's x^bp as a differentiable map: x^bp = (x / Σx)·D′ for a bag-of-atoms batch x [B, L], where D′ [L, d] holds
/// each element's descriptors (<see cref="ElementDescriptorMean"/>) standardised by the training set's x^bp mean and
/// standard deviation (since fractions sum to 1, (x·D − μ)/σ = x·((D − μ)/σ)).
/// </summary>
public static class DescriptorProjection
{
    /// <summary>D′ [L, d] for the bag's elements, standardised over <paramref name="training"/>.</summary>
    public static Tensor Matrix(BagOfAtoms bag, IReadOnlyList<Composition> training)
    {
        var descriptors = ElementDescriptorMean.CreateDefault();
        var d = descriptors.Length;
        var matrix = new float[bag.Length * d];
        for (var i = 0; i < bag.Length; i++)
        {
            descriptors.Encode(Composition.FromCounts([(bag.Elements[i], 1)]), matrix.AsSpan(i * d, d));
        }

        var row = new float[d];
        var sums = new double[d];
        var squares = new double[d];
        foreach (var composition in training)
        {
            descriptors.Encode(composition, row);
            for (var j = 0; j < d; j++)
            {
                sums[j] += row[j];
                squares[j] += (double)row[j] * row[j];
            }
        }

        for (var j = 0; j < d; j++)
        {
            var mean = sums[j] / training.Count;
            var deviation = Math.Sqrt(Math.Max(squares[j] / training.Count - mean * mean, 0));
            var scale = deviation > 1e-12 ? 1 / deviation : 1;
            for (var i = 0; i < bag.Length; i++)
            {
                matrix[i * d + j] = (float)((matrix[i * d + j] - mean) * scale);
            }
        }

        return Tensor.FromArray(matrix, bag.Length, d);
    }

    /// <summary>[B, L] → [B, L + d]: the input followed by its standardised x^bp.</summary>
    /// <param name="fractionScales">Per-element scales [1, L] when x is per-element scaled (x^bp uses x ⊙ scales), else null.</param>
    public static Tensor Append(Tensor x, Tensor matrix, Tensor? fractionScales = null)
    {
        var unscaled = fractionScales is null ? x : x * fractionScales;
        var fractions = unscaled / (unscaled.Sum([1], keepDim: true) + 1e-8f);
        return MatGenDiscovery.Tensors.Operations.Shape.Slicing.Concat([x, fractions.MatMul(matrix)], 1);
    }
}
