using MatGenDiscovery.NeuralNetworks.Modules;
using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.NeuralNetworks.Activations;

/// <summary>
/// A categorical choice per matrix row: [N, Rows·(Cells + 1)] scores → [N, Rows·Cells]. Each row's Cells + 1 scores
/// (state 0 = "absent", then one per cell) go through sparsemax, and the absent state's share is dropped, so a row is
/// either all zeros or a distribution over its cells that sums to at most 1 with exact zeros elsewhere — the support of
/// one-hot count rows, which an element-wise sigmoid only approaches.
/// </summary>
public sealed class RowSparsemax : Module
{
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one row or cell.</exception>
    public RowSparsemax(int rows, int cells)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cells);
        Rows = rows;
        Cells = cells;
    }

    public int Rows { get; }

    public int Cells { get; }

    /// <summary>Scores per sample this module takes: Rows·(Cells + 1).</summary>
    public int InputLength => Rows * (Cells + 1);

    /// <exception cref="ArgumentException">The input is not [N, <see cref="InputLength"/>].</exception>
    public override Tensor Forward(Tensor input)
    {
        if (input.Rank != 2 || input.Size(1) != InputLength)
        {
            throw new ArgumentException(
                $"RowSparsemax({Rows}, {Cells}) expects [N, {InputLength}] scores, got [{string.Join(", ", input.Shape)}]", nameof(input));
        }

        var samples = input.Size(0);
        return input.Reshape(samples, Rows, Cells + 1).Sparsemax().Narrow(2, 1, Cells).Reshape(samples, Rows * Cells);
    }
}
