namespace MatGenDiscovery.Chemistry.Elements;

/// <summary>
/// The 118 elements in atomic-number order, loaded from the embedded copies of <c>data/elements.csv</c>,
/// <c>data/oxidation_states.csv</c> and <c>data/pymatgen_element_data.csv</c>. Immutable and thread-safe.
/// </summary>
public sealed class ElementTable : IReadOnlyList<Element>
{
    private static readonly Lazy<ElementTable> LazyDefault = new(() => ElementTableLoader.LoadEmbedded());

    private readonly Element[] _byIndex;
    private readonly Dictionary<string, Element> _bySymbol;
    private readonly Dictionary<string, Element>.AlternateLookup<ReadOnlySpan<char>> _bySymbolSpan;
    private readonly Dictionary<string, int> _magpieIndex;

    internal ElementTable(IReadOnlyList<ElementRow> rows, IReadOnlyList<string> magpiePropertyNames)
    {
        MagpiePropertyNames = magpiePropertyNames;
        _magpieIndex = magpiePropertyNames
            .Select((name, index) => (name, index))
            .ToDictionary(pair => pair.name, pair => pair.index, StringComparer.Ordinal);
        _byIndex = rows.OrderBy(row => row.AtomicNumber).Select(row => new Element(row, this)).ToArray();
        for (var i = 0; i < _byIndex.Length; i++)
        {
            if (_byIndex[i].AtomicNumber != i + 1)
            {
                throw new InvalidDataException($"element table: expected Z = {i + 1} at row {i + 1}, found Z = {_byIndex[i].AtomicNumber}");
            }
        }

        _bySymbol = _byIndex.ToDictionary(element => element.Symbol, StringComparer.Ordinal);
        _bySymbolSpan = _bySymbol.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The bundled table, loaded once on first use.</summary>
    public static ElementTable Default => LazyDefault.Value;

    public int Count => _byIndex.Length;

    /// <summary>Element by position in Z order (index = Z − 1).</summary>
    public Element this[int index] => _byIndex[index];

    /// <summary>Names of the single-valued Magpie properties (the <c>magpie_*</c> columns without prefix, IonizationEnergies excluded).</summary>
    public IReadOnlyList<string> MagpiePropertyNames { get; }

    /// <exception cref="ArgumentOutOfRangeException">Z is outside 1..<see cref="Count"/>.</exception>
    public Element ByAtomicNumber(int atomicNumber)
    {
        if (atomicNumber < 1 || atomicNumber > _byIndex.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(atomicNumber), atomicNumber, $"atomic number must be 1..{_byIndex.Length}");
        }

        return _byIndex[atomicNumber - 1];
    }

    /// <summary>Case-sensitive symbol lookup (<c>Co</c> is cobalt, <c>CO</c> is not a symbol).</summary>
    public bool TryGet(string symbol, out Element element) => _bySymbol.TryGetValue(symbol, out element!);

    /// <summary>Case-sensitive symbol lookup without allocating.</summary>
    public bool TryGet(ReadOnlySpan<char> symbol, out Element element) => _bySymbolSpan.TryGetValue(symbol, out element!);

    /// <exception cref="UnknownElementException">No element has this symbol.</exception>
    public Element Get(string symbol) =>
        TryGet(symbol, out var element) ? element : throw new UnknownElementException(symbol);

    /// <exception cref="ArgumentException">Not a Magpie property name.</exception>
    public int MagpiePropertyIndex(string property) =>
        _magpieIndex.TryGetValue(property, out var index)
            ? index
            : throw new ArgumentException(
                $"'{property}' is not a Magpie property; known: {string.Join(", ", MagpiePropertyNames)}", nameof(property));

    public IEnumerator<Element> GetEnumerator() => ((IEnumerable<Element>)_byIndex).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
