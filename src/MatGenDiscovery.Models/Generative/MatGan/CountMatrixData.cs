using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Representations;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Generative.MatGan;

/// <summary>Training compositions as 85 × 8 count matrices, flat row-major [N, 680], with seeded batch sampling.</summary>
public sealed class CountMatrixData
{
    private readonly float[] _matrices;

    /// <exception cref="RepresentationException">A composition has an element outside the 85 or a reduced count above 8.</exception>
    public CountMatrixData(IReadOnlyList<Composition> compositions)
    {
        var matrix = new MatGanCountMatrix();
        _matrices = new float[compositions.Count * MatGanCountMatrix.Size];
        for (var i = 0; i < compositions.Count; i++)
        {
            matrix.Encode(compositions[i].Reduced(), _matrices.AsSpan(i * MatGanCountMatrix.Size, MatGanCountMatrix.Size));
        }

        Count = compositions.Count;
    }

    public int Count { get; }

    /// <summary>Row <paramref name="index"/>'s 680 values.</summary>
    public ReadOnlySpan<float> Matrix(int index) => _matrices.AsSpan(index * MatGanCountMatrix.Size, MatGanCountMatrix.Size);

    /// <summary><paramref name="batchSize"/> rows drawn uniformly with replacement, reshaped to <paramref name="shape"/>.</summary>
    public Tensor Sample(Random random, int batchSize, int[] shape)
    {
        var data = new float[batchSize * MatGanCountMatrix.Size];
        for (var b = 0; b < batchSize; b++)
        {
            Matrix(random.Next(Count)).CopyTo(data.AsSpan(b * MatGanCountMatrix.Size));
        }

        return Tensor.FromArray(data, shape);
    }
}
