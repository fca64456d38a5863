using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Models.Representations;

/// <summary>
/// MatGAN's (Dan et al. 2020) one-hot count matrix, row-major [element, count]: 85 rows over
/// <see cref="ElementSets.MatGan85"/> and 8 columns, cell (i, j) = 1 when element i occurs j + 1 times.
/// A batch is laid out [batch, 85, 8].
/// </summary>
public sealed class MatGanCountMatrix
{
    public const int ElementCount = 85;
    public const int MaxCount = 8;
    public const int Size = ElementCount * MaxCount;
    public const float DefaultThreshold = 0.2f;

    private const double IntegerTolerance = 1e-9;

    private readonly Element[] _elements;
    private readonly int[] _rowByAtomicNumber;

    public MatGanCountMatrix()
        : this(ElementSets.MatGan85)
    {
    }

    /// <summary>A count matrix over another 85-element list (the row order is the list order).</summary>
    /// <exception cref="ArgumentException">The list does not hold exactly 85 distinct elements.</exception>
    public MatGanCountMatrix(IReadOnlyList<Element> elements)
    {
        if (elements.Count != ElementCount || elements.Select(e => e.AtomicNumber).Distinct().Count() != ElementCount)
        {
            throw new ArgumentException($"MatGAN's matrix needs {ElementCount} distinct elements, got {elements.Count}", nameof(elements));
        }

        _elements = elements.ToArray();
        _rowByAtomicNumber = Enumerable.Repeat(-1, elements.Max(e => e.AtomicNumber) + 1).ToArray();
        for (var i = 0; i < _elements.Length; i++)
        {
            _rowByAtomicNumber[_elements[i].AtomicNumber] = i;
        }
    }

    public IReadOnlyList<Element> Elements => _elements;

    /// <summary>Row of an element, or -1 when it is not in the list.</summary>
    public int RowOf(Element element) =>
        element.AtomicNumber < _rowByAtomicNumber.Length ? _rowByAtomicNumber[element.AtomicNumber] : -1;

    /// <summary>Writes the 85 × 8 one-hot matrix of the composition's amounts as given (not reduced).</summary>
    /// <exception cref="RepresentationException">An element outside the list, or an amount that is not a whole number 1..8.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Size"/>.</exception>
    public void Encode(Composition composition, Span<float> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; {Size} are needed", nameof(destination));
        }

        destination[..Size].Clear();
        for (var i = 0; i < composition.Arity; i++)
        {
            var element = composition.Elements[i];
            var amount = composition.Amounts[i];
            var row = RowOf(element);
            if (row < 0)
            {
                throw new RepresentationException(
                    $"cannot encode '{composition.Formula}': {element.Symbol} is not one of MatGAN's {ElementCount} elements");
            }

            var count = Math.Round(amount);
            if (Math.Abs(amount - count) > IntegerTolerance || count < 1 || count > MaxCount)
            {
                throw new RepresentationException(
                    $"cannot encode '{composition.Formula}': {element.Symbol} has amount {amount}, MatGAN needs a whole count 1..{MaxCount}");
            }

            destination[row * MaxCount + (int)count - 1] = 1f;
        }
    }

    /// <summary>
    /// Per element row: the count is the highest column whose value is ≥ <paramref name="threshold"/> (largest count
    /// wins), 0 when none passes. Writes 85 counts and returns how many are non-zero. Allocation-free.
    /// </summary>
    public static int DecodeCounts(ReadOnlySpan<float> matrix, Span<byte> counts, float threshold = DefaultThreshold)
    {
        if (matrix.Length < Size || counts.Length < ElementCount)
        {
            throw new ArgumentException($"need a {Size}-value matrix and {ElementCount} counts, got {matrix.Length} and {counts.Length}");
        }

        var present = 0;
        for (var row = 0; row < ElementCount; row++)
        {
            var cells = matrix.Slice(row * MaxCount, MaxCount);
            byte count = 0;
            for (var column = MaxCount - 1; column >= 0; column--)
            {
                if (cells[column] >= threshold)
                {
                    count = (byte)(column + 1);
                    break;
                }
            }

            counts[row] = count;
            present += count == 0 ? 0 : 1;
        }

        return present;
    }

    /// <summary>Decodes one matrix (see <see cref="DecodeCounts"/>); null when no cell reaches the threshold.</summary>
    public Composition? Decode(ReadOnlySpan<float> matrix, float threshold = DefaultThreshold)
    {
        Span<byte> counts = stackalloc byte[ElementCount];
        return DecodeCounts(matrix, counts, threshold) == 0 ? null : FromCounts(counts);
    }

    /// <summary>Decodes a [batch, 85, 8] block; entry b is null when matrix b decodes to nothing.</summary>
    /// <exception cref="ArgumentException">The span length is not a multiple of <see cref="Size"/>.</exception>
    public Composition?[] DecodeBatch(ReadOnlySpan<float> batch, float threshold = DefaultThreshold)
    {
        if (batch.Length % Size != 0)
        {
            throw new ArgumentException($"a [batch, {ElementCount}, {MaxCount}] block has a multiple of {Size} values, got {batch.Length}", nameof(batch));
        }

        var result = new Composition?[batch.Length / Size];
        Span<byte> counts = stackalloc byte[ElementCount];
        for (var b = 0; b < result.Length; b++)
        {
            if (DecodeCounts(batch.Slice(b * Size, Size), counts, threshold) > 0)
            {
                result[b] = FromCounts(counts);
            }
        }

        return result;
    }

    private Composition FromCounts(ReadOnlySpan<byte> counts)
    {
        var pairs = new List<(Element, int)>(8);
        for (var row = 0; row < ElementCount; row++)
        {
            if (counts[row] > 0)
            {
                pairs.Add((_elements[row], counts[row]));
            }
        }

        return Composition.FromCounts(pairs);
    }
}
