using System.Globalization;
using System.Text;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Formulas;

namespace MatGenDiscovery.Chemistry.Compositions;

/// <summary>
/// An immutable chemical composition: distinct elements with positive amounts.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="Elements"/> and <see cref="Amounts"/> are in canonical order: ascending atomic number.</item>
/// <item>Formula strings (<see cref="Formula"/>, <see cref="ReducedFormula"/>) list elements in pymatgen's order:
/// ascending pymatgen electronegativity (elements without one last), ties by atomic number; an amount of 1 is
/// omitted; non-integral amounts are written with up to 6 decimals. They parse back to an equal composition.</item>
/// <item>Equality and hash code are those of <see cref="ReducedFormula"/>: <c>Ti2O4</c> equals <c>TiO2</c>.
/// Use <see cref="EqualsUnreduced"/> for MatGAN's unreduced comparison.</item>
/// </list>
/// </remarks>
public sealed class Composition : IEquatable<Composition>
{
    private const double IntegerTolerance = 1e-9;
    private const int MaxDecimalPlaces = 6;

    private readonly Element[] _elements;
    private readonly double[] _amounts;
    private readonly int[] _reducedCounts;
    private string? _formula;
    private string? _reducedFormula;

    private Composition(Element[] elements, double[] amounts)
    {
        _elements = elements;
        _amounts = amounts;
        IsIntegral = true;
        foreach (var amount in amounts)
        {
            IsIntegral &= Math.Abs(amount - Math.Round(amount)) <= IntegerTolerance;
        }

        _reducedCounts = IsIntegral ? ReduceIntegers(amounts) : ScaleDecimals(amounts);
    }

    /// <summary>Elements in ascending atomic number.</summary>
    public IReadOnlyList<Element> Elements => _elements;

    /// <summary>Amounts as given (summed over repeats), aligned with <see cref="Elements"/>.</summary>
    public IReadOnlyList<double> Amounts => _amounts;

    /// <summary>Number of distinct elements.</summary>
    public int Arity => _elements.Length;

    /// <summary>Sum of <see cref="Amounts"/>.</summary>
    public double TotalAtoms => _amounts.Sum();

    /// <summary>True when every amount is a whole number (within 1e-9).</summary>
    public bool IsIntegral { get; }

    /// <summary>
    /// The smallest whole numbers proportional to <see cref="Amounts"/>, aligned with <see cref="Elements"/>:
    /// integral amounts divided by their gcd (<c>Ti2O4</c> → 1, 2); decimal amounts scaled by a power of ten first
    /// (<c>Ag0.5Ge1Pb1.75S4</c> → 2, 4, 7, 16).
    /// </summary>
    public IReadOnlyList<int> ReducedCounts => _reducedCounts;

    /// <summary>Atomic fractions (amount / <see cref="TotalAtoms"/>), aligned with <see cref="Elements"/>.</summary>
    public IReadOnlyList<double> Fractions
    {
        get
        {
            var total = TotalAtoms;
            return _amounts.Select(amount => amount / total).ToArray();
        }
    }

    /// <summary>The unreduced formula, e.g. <c>Ti2O4</c>.</summary>
    public string Formula => _formula ??= Write(_amounts);

    /// <summary>
    /// The reduced formula: integral compositions divided by the gcd of their amounts (<c>Ti2O4</c> → <c>TiO2</c>);
    /// non-integral ones keep their decimal amounts (<c>Ag0.5GePb1.75S4</c>).
    /// </summary>
    public string ReducedFormula => _reducedFormula ??= IsIntegral ? Write(_reducedCounts) : Formula;

    /// <summary>A compact key with the same equality as this composition, for deduplicating many compositions.</summary>
    public CompositionKey Key => IsIntegral
        ? CompositionKey.FromSortedReduced(_elements, _reducedCounts)
        : CompositionKey.FromFallback("~" + ReducedFormula);

    /// <summary>Amount of an element; 0 when absent.</summary>
    public double Amount(Element element)
    {
        var index = Array.IndexOf(_elements, element);
        return index < 0 ? 0 : _amounts[index];
    }

    /// <summary>Parses a formula; see <see cref="FormulaParser"/>.</summary>
    /// <exception cref="FormulaParseException">The formula cannot be read.</exception>
    public static Composition Parse(string formula) => FormulaParser.Parse(formula);

    /// <summary>Builds a composition from (element, count) pairs; repeated elements are summed.</summary>
    /// <exception cref="ArgumentException">No pairs, or a count ≤ 0.</exception>
    public static Composition FromCounts(IEnumerable<(Element Element, int Count)> counts) =>
        FromAmounts(counts.Select(pair => (pair.Element, (double)pair.Count)));

    /// <summary>Builds a composition from (element, amount) pairs; repeated elements are summed.</summary>
    /// <exception cref="ArgumentException">No pairs, or an amount that is not a finite number &gt; 0.</exception>
    public static Composition FromAmounts(IEnumerable<(Element Element, double Amount)> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var byElement = new SortedDictionary<int, (Element Element, double Amount)>();
        foreach (var (element, amount) in amounts)
        {
            ArgumentNullException.ThrowIfNull(element, nameof(amounts));
            if (!double.IsFinite(amount) || amount <= 0)
            {
                throw new ArgumentException($"the amount of {element.Symbol} must be a finite number > 0, got {amount.ToString(CultureInfo.InvariantCulture)}", nameof(amounts));
            }

            byElement[element.AtomicNumber] = byElement.TryGetValue(element.AtomicNumber, out var existing)
                ? (element, existing.Amount + amount)
                : (element, amount);
        }

        if (byElement.Count == 0)
        {
            throw new ArgumentException("a composition needs at least one element", nameof(amounts));
        }

        return new Composition(
            byElement.Values.Select(pair => pair.Element).ToArray(),
            byElement.Values.Select(pair => pair.Amount).ToArray());
    }

    /// <summary>For callers that already hold distinct elements in ascending Z with positive amounts.</summary>
    internal static Composition CreateTrusted(Element[] elements, double[] amounts) => new(elements, amounts);

    /// <summary>The composition with <see cref="ReducedCounts"/> as amounts when integral; itself otherwise.</summary>
    public Composition Reduced() =>
        IsIntegral ? new Composition(_elements, _reducedCounts.Select(count => (double)count).ToArray()) : this;

    /// <summary>Same elements with the same amounts (within 1e-9): <c>Ti2O4</c> does not equal <c>TiO2</c> here.</summary>
    public bool EqualsUnreduced(Composition? other)
    {
        if (other is null || other._elements.Length != _elements.Length)
        {
            return false;
        }

        for (var i = 0; i < _elements.Length; i++)
        {
            if (!ReferenceEquals(_elements[i], other._elements[i]) || Math.Abs(_amounts[i] - other._amounts[i]) > IntegerTolerance)
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(Composition? other) =>
        other is not null && (ReferenceEquals(this, other) || ReducedFormula == other.ReducedFormula);

    public override bool Equals(object? obj) => obj is Composition other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ReducedFormula);

    public override string ToString() => Formula;

    public static bool operator ==(Composition? left, Composition? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(Composition? left, Composition? right) => !(left == right);

    private string Write(double[] amounts)
    {
        Span<int> order = stackalloc int[_elements.Length];
        SortByElectronegativity(order);
        var builder = new StringBuilder(8 * _elements.Length);
        foreach (var i in order)
        {
            builder.Append(_elements[i].Symbol);
            var amount = amounts[i];
            if (Math.Abs(amount - 1) <= IntegerTolerance)
            {
                continue;
            }

            if (Math.Abs(amount - Math.Round(amount)) <= IntegerTolerance)
            {
                builder.Append((long)Math.Round(amount));
            }
            else
            {
                builder.Append(amount.ToString("0.######", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private string Write(int[] counts)
    {
        Span<int> order = stackalloc int[_elements.Length];
        SortByElectronegativity(order);
        var builder = new StringBuilder(8 * _elements.Length);
        foreach (var i in order)
        {
            builder.Append(_elements[i].Symbol);
            if (counts[i] != 1)
            {
                builder.Append(counts[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Indices of <see cref="_elements"/> by pymatgen electronegativity (missing last), ties by Z (already ascending).</summary>
    private void SortByElectronegativity(Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            var key = SortKey(_elements[i]);
            var j = i;
            while (j > 0 && SortKey(_elements[order[j - 1]]) > key)
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = i;
        }
    }

    private static double SortKey(Element element) => element.PymatgenElectronegativity ?? double.PositiveInfinity;

    private static int[] ReduceIntegers(double[] amounts)
    {
        var counts = new double[amounts.Length];
        for (var i = 0; i < amounts.Length; i++)
        {
            counts[i] = Math.Round(amounts[i]);
        }

        return Divide(counts);
    }

    private static int[] ScaleDecimals(double[] amounts)
    {
        var places = 0;
        foreach (var amount in amounts)
        {
            while (places < MaxDecimalPlaces && !IsWhole(amount * Math.Pow(10, places)))
            {
                places++;
            }
        }

        var scale = Math.Pow(10, places);
        return Divide(amounts.Select(amount => Math.Max(1, Math.Round(amount * scale))).ToArray());
    }

    private static bool IsWhole(double value) =>
        Math.Abs(value - Math.Round(value)) <= IntegerTolerance * Math.Max(1, Math.Abs(value));

    private static int[] Divide(double[] counts)
    {
        var integers = new int[counts.Length];
        var gcd = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > int.MaxValue)
            {
                throw new ChemistryException(
                    $"amounts too large to hold as whole numbers: {string.Join(", ", counts.Select(c => c.ToString(CultureInfo.InvariantCulture)))}");
            }

            integers[i] = (int)counts[i];
            gcd = Gcd(gcd, integers[i]);
        }

        for (var i = 0; i < integers.Length; i++)
        {
            integers[i] /= gcd;
        }

        return integers;
    }

    internal static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
