using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Models.Predictors.Mlp;

/// <summary>ElemNet input: the atomic fraction of each element of a fixed list, a row of <see cref="Count"/> floats.</summary>
public sealed class ElementFractionEncoder
{
    private readonly int[] _columnOfAtomicNumber;

    /// <exception cref="ArgumentException">The list is empty or repeats an element.</exception>
    public ElementFractionEncoder(IReadOnlyList<Element> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.Count == 0)
        {
            throw new ArgumentException("The element list is empty.", nameof(elements));
        }

        var maxZ = elements.Max(element => element.AtomicNumber);
        _columnOfAtomicNumber = Enumerable.Repeat(-1, maxZ + 1).ToArray();
        for (var i = 0; i < elements.Count; i++)
        {
            if (_columnOfAtomicNumber[elements[i].AtomicNumber] >= 0)
            {
                throw new ArgumentException($"Element {elements[i].Symbol} appears twice in the element list.", nameof(elements));
            }

            _columnOfAtomicNumber[elements[i].AtomicNumber] = i;
        }

        Elements = [.. elements];
    }

    public IReadOnlyList<Element> Elements { get; }

    public int Count => Elements.Count;

    /// <summary>The elements occurring in the compositions, ordered by atomic number.</summary>
    public static ElementFractionEncoder FromCompositions(IEnumerable<Composition> compositions) =>
        new(compositions.SelectMany(c => c.Elements).DistinctBy(e => e.AtomicNumber).OrderBy(e => e.AtomicNumber).ToList());

    public string? Unsupported(Composition composition)
    {
        foreach (var element in composition.Elements)
        {
            if (Column(element) < 0)
            {
                return $"element {element.Symbol} is not among the model's {Count} elements";
            }
        }

        return null;
    }

    /// <exception cref="ArgumentException">The composition has an element outside the list, or the destination is too short.</exception>
    public void Encode(Composition composition, Span<float> destination)
    {
        if (destination.Length < Count)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values; {Count} are needed.", nameof(destination));
        }

        destination[..Count].Clear();
        var elements = composition.Elements;
        var amounts = composition.Amounts;
        var total = composition.TotalAtoms;
        for (var i = 0; i < elements.Count; i++)
        {
            var column = Column(elements[i]);
            if (column < 0)
            {
                throw new ArgumentException($"Cannot encode {composition.Formula}: {Unsupported(composition)}.", nameof(composition));
            }

            destination[column] = (float)(amounts[i] / total);
        }
    }

    /// <summary>Row-major n × <see cref="Count"/> fractions.</summary>
    public float[] Encode(IReadOnlyList<Composition> compositions)
    {
        var matrix = new float[compositions.Count * Count];
        for (var row = 0; row < compositions.Count; row++)
        {
            Encode(compositions[row], matrix.AsSpan(row * Count, Count));
        }

        return matrix;
    }

    private int Column(Element element) =>
        element.AtomicNumber < _columnOfAtomicNumber.Length ? _columnOfAtomicNumber[element.AtomicNumber] : -1;
}
