using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Models.Representations;

/// <summary>
/// Fraction-weighted mean of elemental descriptors, x = Σᵢ fᵢ dᵢ (Sawada et al.'s x^bp). Sawada used XenonPy's 58
/// <c>elements_completed</c> descriptors, which are not bundled; this uses the single-valued numeric Magpie tables of
/// <c>data/elements.csv</c> instead (<see cref="DefaultDescriptors"/>: the 57 that are not 0/1 <c>Is*</c> flags).
/// A missing elemental value is replaced by that descriptor's mean over the elements that have it, so the output
/// is always finite.
/// </summary>
public sealed class ElementDescriptorMean
{
    private readonly double[][] _valuesByAtomicNumber;

    /// <param name="descriptors">Magpie property names (see <see cref="ElementTable.MagpiePropertyNames"/>).</param>
    /// <exception cref="ArgumentException">A name is not a Magpie property, or a descriptor has no value for any element.</exception>
    public ElementDescriptorMean(IReadOnlyList<string> descriptors, ElementTable? table = null)
    {
        table ??= ElementTable.Default;
        Descriptors = descriptors.ToArray();
        _valuesByAtomicNumber = new double[table.Count + 1][];
        var columns = Descriptors.Select(name =>
        {
            var index = table.MagpiePropertyIndex(name);
            var known = table.Select(e => e.Magpie(index)).Where(v => v is not null).Select(v => v!.Value).ToArray();
            if (known.Length == 0)
            {
                throw new ArgumentException($"descriptor '{name}' has no value for any element", nameof(descriptors));
            }

            return (index, mean: known.Average());
        }).ToArray();
        foreach (var element in table)
        {
            _valuesByAtomicNumber[element.AtomicNumber] =
                columns.Select(c => element.Magpie(c.index) ?? c.mean).ToArray();
        }
    }

    /// <summary>Every single-valued Magpie property except the 0/1 flags (names starting with "Is").</summary>
    public static IReadOnlyList<string> DefaultDescriptors { get; } =
        ElementTable.Default.MagpiePropertyNames.Where(name => !name.StartsWith("Is", StringComparison.Ordinal)).ToArray();

    public static ElementDescriptorMean CreateDefault() => new(DefaultDescriptors);

    public IReadOnlyList<string> Descriptors { get; }

    public int Length => Descriptors.Count;

    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Length"/>.</exception>
    public void Encode(Composition composition, Span<float> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; {Length} are needed", nameof(destination));
        }

        Span<double> sums = Length <= 256 ? stackalloc double[Length] : new double[Length];
        sums.Clear();
        var total = composition.TotalAtoms;
        for (var i = 0; i < composition.Arity; i++)
        {
            var fraction = composition.Amounts[i] / total;
            var values = _valuesByAtomicNumber[composition.Elements[i].AtomicNumber];
            for (var d = 0; d < values.Length; d++)
            {
                sums[d] += fraction * values[d];
            }
        }

        for (var d = 0; d < Length; d++)
        {
            destination[d] = (float)sums[d];
        }
    }
}
