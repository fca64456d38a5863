using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Models.Representations;

/// <summary>
/// Sawada et al.'s bag-of-atoms vector: the atomic fraction of each element of a fixed list (e.g. the 89 elements of
/// the CompGAN training set), zero elsewhere. Entries sum to 1.
/// </summary>
public sealed class BagOfAtoms
{
    /// <summary>Sawada's <c>_TH</c>: fractions below it are zeroed before renormalising.</summary>
    public const float DefaultCutoff = 0.03f;

    /// <summary>Largest formula-unit size tried when rounding fractions to whole counts.</summary>
    public const int DefaultMaxAtoms = 20;

    private readonly Element[] _elements;
    private readonly int[] _indexByAtomicNumber;

    /// <exception cref="ArgumentException">The list is empty or repeats an element.</exception>
    public BagOfAtoms(IReadOnlyList<Element> elements)
    {
        if (elements.Count == 0 || elements.Select(e => e.AtomicNumber).Distinct().Count() != elements.Count)
        {
            throw new ArgumentException("a bag-of-atoms needs a non-empty list of distinct elements", nameof(elements));
        }

        _elements = elements.ToArray();
        _indexByAtomicNumber = Enumerable.Repeat(-1, elements.Max(e => e.AtomicNumber) + 1).ToArray();
        for (var i = 0; i < _elements.Length; i++)
        {
            _indexByAtomicNumber[_elements[i].AtomicNumber] = i;
        }
    }

    /// <summary>The elements of the compositions, in ascending atomic number (Sawada's order).</summary>
    public static BagOfAtoms Over(IEnumerable<Composition> compositions) =>
        new(compositions.SelectMany(c => c.Elements).DistinctBy(e => e.AtomicNumber).OrderBy(e => e.AtomicNumber).ToArray());

    public IReadOnlyList<Element> Elements => _elements;

    public int Length => _elements.Length;

    /// <exception cref="RepresentationException">An element of the composition is not in the list.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Length"/>.</exception>
    public void Encode(Composition composition, Span<float> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; {Length} are needed", nameof(destination));
        }

        destination[..Length].Clear();
        var total = composition.TotalAtoms;
        for (var i = 0; i < composition.Arity; i++)
        {
            var element = composition.Elements[i];
            var index = element.AtomicNumber < _indexByAtomicNumber.Length ? _indexByAtomicNumber[element.AtomicNumber] : -1;
            if (index < 0)
            {
                throw new RepresentationException(
                    $"cannot encode '{composition.Formula}': {element.Symbol} is not among the {Length} bag-of-atoms elements");
            }

            destination[index] = (float)(composition.Amounts[i] / total);
        }
    }

    /// <summary>
    /// Sawada's clean-up (|x| &lt; <paramref name="cutoff"/> → 0, renormalise), then rounding to whole counts: the
    /// smallest formula size N ≤ <paramref name="maxAtoms"/> whose rounded counts N·xᵢ (each kept element ≥ 1) reproduce
    /// every fraction within <paramref name="cutoff"/>/2, else the N with the smallest worst error. Null when nothing
    /// survives the cutoff. (Sawada instead rounds to 2 decimals after an MCMC charge-balancing step.)
    /// </summary>
    public Composition? Decode(ReadOnlySpan<float> vector, float cutoff = DefaultCutoff, int maxAtoms = DefaultMaxAtoms)
    {
        if (vector.Length < Length)
        {
            throw new ArgumentException($"vector holds {vector.Length} values; {Length} are needed", nameof(vector));
        }

        var kept = new List<(Element Element, double Fraction)>();
        var sum = 0.0;
        for (var i = 0; i < Length; i++)
        {
            var value = vector[i];
            if (Math.Abs(value) >= cutoff && value > 0)
            {
                kept.Add((_elements[i], value));
                sum += value;
            }
        }

        if (kept.Count == 0)
        {
            return null;
        }

        var fractions = kept.Select(k => k.Fraction / sum).ToArray();
        var counts = RoundToCounts(fractions, cutoff / 2, Math.Max(maxAtoms, kept.Count));
        return Composition.FromCounts(kept.Select((k, i) => (k.Element, counts[i])));
    }

    private static int[] RoundToCounts(double[] fractions, double tolerance, int maxAtoms)
    {
        int[]? best = null;
        var bestError = double.PositiveInfinity;
        for (var n = 1; n <= maxAtoms; n++)
        {
            var counts = fractions.Select(f => Math.Max(1, (int)Math.Round(f * n))).ToArray();
            var total = counts.Sum();
            var error = fractions.Select((f, i) => Math.Abs((double)counts[i] / total - f)).Max();
            if (error <= tolerance)
            {
                return counts;
            }

            if (error < bestError)
            {
                (best, bestError) = (counts, error);
            }
        }

        return best!;
    }
}
