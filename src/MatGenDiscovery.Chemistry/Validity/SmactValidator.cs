using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Chemistry.Validity;

/// <summary>
/// SMACT's <c>smact_validity</c> (WMD-group/SMACT, <c>smact/screening.py</c>) for a fixed oxidation-state set.
/// Immutable and thread-safe; the span overload allocates nothing.
/// </summary>
/// <remarks>
/// Semantics, following SMACT:
/// <list type="number">
/// <item>A single element is valid (SMACT's first fast path), whatever its states.</item>
/// <item>With <see cref="ValidityOptions.IncludeAlloys"/>, a composition of SMACT metals only is valid.</item>
/// <item>Counts are divided by their gcd (SMACT reduces before <c>neutral_ratios</c>); in
/// <see cref="ValidityOptions.Unreduced"/> mode a common factor makes the composition invalid, because
/// <c>neutral_ratios</c> keeps only ratios with gcd 1. SMACT sets <c>threshold</c> to the largest reduced count,
/// so there is no stoichiometry limit (<c>Li9NO3</c> is judged like any other).</item>
/// <item>Every element takes exactly one state from its list (duplicates in a list change nothing); the product of
/// the lists is searched for Σ countᵢ·stateᵢ = 0. An element with an empty list makes the product empty: invalid.</item>
/// <item>Pauling test (<c>eneg_states_test</c>): for the same assignment, every pair with one cation (state &gt; 0) and
/// one anion (state &lt; 0) has cation electronegativity strictly below the anion's. State 0 is neither. If any element
/// of the composition lacks a Pauling electronegativity, the test fails for every assignment.</item>
/// </list>
/// Decimal compositions (<c>Ag0.5Ge1Pb1.75S4</c>) are judged on <see cref="Composition.ReducedCounts"/>, the smallest
/// proportional integers; SMACT itself would truncate each amount with <c>int()</c>.
/// </remarks>
public sealed class SmactValidator
{
    private const int MaxElements = 64;

    /// <summary>
    /// Above this many state combinations (the product of the elements' list lengths) the exponential depth-first
    /// search gives way to <see cref="ReachableChargeSearch"/>. MatGAN-sized compositions (≤ 8 elements) rarely get here.
    /// </summary>
    internal const long DefaultDepthFirstLimit = 1 << 16;

    private static readonly ValidityResult Passed = new(ChargeNeutral: true, ElectronegativityBalanced: true);
    private static readonly ValidityResult Failed = new(ChargeNeutral: false, ElectronegativityBalanced: false);

    private readonly int[] _stateOffset;
    private readonly int[] _stateCount;
    private readonly int[] _states;
    private readonly int[] _minState;
    private readonly int[] _maxState;
    private readonly double[] _electronegativity;
    private readonly bool[] _isMetal;
    private readonly int[][] _statesOf;

    public SmactValidator(ValidityOptions? options = null, ElementTable? table = null)
        : this(options, table, DefaultDepthFirstLimit)
    {
    }

    /// <param name="depthFirstLimit">Tests set 0 (always the polynomial search) or <see cref="long.MaxValue"/> (never).</param>
    internal SmactValidator(ValidityOptions? options, ElementTable? table, long depthFirstLimit)
    {
        DepthFirstLimit = depthFirstLimit;
        Options = options ?? new ValidityOptions();
        Table = table ?? ElementTable.Default;
        var size = Table.Count + 1;
        _stateOffset = new int[size];
        _stateCount = new int[size];
        _minState = new int[size];
        _maxState = new int[size];
        _electronegativity = new double[size];
        _isMetal = new bool[size];
        _statesOf = new int[size][];
        _statesOf[0] = [];
        var states = new List<int>();
        var metals = ElementSets.SmactMetals.Select(element => element.Symbol).ToHashSet(StringComparer.Ordinal);
        foreach (var element in Table)
        {
            var z = element.AtomicNumber;
            var distinct = element.OxidationStates(Options.OxidationStates).Distinct().Order().ToArray();
            _stateOffset[z] = states.Count;
            _stateCount[z] = distinct.Length;
            _minState[z] = distinct.Length > 0 ? distinct[0] : 0;
            _maxState[z] = distinct.Length > 0 ? distinct[^1] : 0;
            states.AddRange(distinct);
            _statesOf[z] = distinct;
            _electronegativity[z] = element.PaulingElectronegativity ?? double.NaN;
            _isMetal[z] = metals.Contains(element.Symbol);
        }

        _states = states.ToArray();
    }

    public ValidityOptions Options { get; }

    public ElementTable Table { get; }

    internal long DepthFirstLimit { get; }

    public ValidityResult Check(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var arity = composition.Arity;
        if (arity > MaxElements)
        {
            throw new ArgumentException($"composition {composition.Formula} has {arity} elements; at most {MaxElements} are supported", nameof(composition));
        }

        Span<int> atomicNumbers = stackalloc int[arity];
        Span<int> counts = stackalloc int[arity];
        var useAmounts = Options.Unreduced && composition.IsIntegral;
        for (var i = 0; i < arity; i++)
        {
            atomicNumbers[i] = composition.Elements[i].AtomicNumber;
            counts[i] = useAmounts ? (int)Math.Round(composition.Amounts[i]) : composition.ReducedCounts[i];
        }

        return Check(atomicNumbers, counts);
    }

    /// <summary>Judges distinct elements (by Z, any order) with positive integer counts.</summary>
    /// <exception cref="ArgumentException">Lengths differ, no elements, more than 64, a Z outside the table, or a count ≤ 0.</exception>
    public ValidityResult Check(ReadOnlySpan<int> atomicNumbers, ReadOnlySpan<int> counts)
    {
        var n = atomicNumbers.Length;
        if (n != counts.Length || n == 0 || n > MaxElements)
        {
            throw new ArgumentException($"need 1..{MaxElements} elements with one count each: {n} elements, {counts.Length} counts");
        }

        var gcd = 0;
        var allMetals = true;
        for (var i = 0; i < n; i++)
        {
            var z = atomicNumbers[i];
            if ((uint)(z - 1) >= (uint)(_isMetal.Length - 1))
            {
                throw new ArgumentException($"atomic number {z} is outside 1..{_isMetal.Length - 1}", nameof(atomicNumbers));
            }

            if (counts[i] <= 0)
            {
                throw new ArgumentException($"the count of element Z = {z} must be > 0, got {counts[i]}", nameof(counts));
            }

            gcd = Composition.Gcd(gcd, counts[i]);
            allMetals &= _isMetal[z];
        }

        if (n == 1 || (allMetals && Options.IncludeAlloys))
        {
            return Passed;
        }

        if (Options.Unreduced && gcd > 1)
        {
            return Failed;
        }

        return Search(atomicNumbers, counts, gcd);
    }

    private ValidityResult Search(ReadOnlySpan<int> atomicNumbers, ReadOnlySpan<int> counts, int gcd)
    {
        var n = atomicNumbers.Length;
        Span<int> reduced = stackalloc int[n];
        Span<int> suffixMin = stackalloc int[n + 1];
        Span<int> suffixMax = stackalloc int[n + 1];
        var paulingPossible = true;
        var combinations = 1L;
        for (var i = 0; i < n; i++)
        {
            var z = atomicNumbers[i];
            if (_stateCount[z] == 0)
            {
                return Failed;
            }

            reduced[i] = counts[i] / gcd;
            paulingPossible &= !double.IsNaN(_electronegativity[z]);
            combinations = combinations > DepthFirstLimit ? combinations : combinations * _stateCount[z];
        }

        if (combinations > DepthFirstLimit)
        {
            return Reachable(atomicNumbers, reduced);
        }

        suffixMin[n] = 0;
        suffixMax[n] = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            var z = atomicNumbers[i];
            suffixMin[i] = suffixMin[i + 1] + (reduced[i] * _minState[z]);
            suffixMax[i] = suffixMax[i + 1] + (reduced[i] * _maxState[z]);
        }

        if (suffixMin[0] > 0 || suffixMax[0] < 0)
        {
            return Failed;
        }

        var search = new SearchState(atomicNumbers, reduced, suffixMin, suffixMax, paulingPossible);
        Descend(ref search, 0, 0, double.NegativeInfinity, double.PositiveInfinity);
        return new ValidityResult(search.NeutralFound, search.BalancedFound);
    }

    private ValidityResult Reachable(ReadOnlySpan<int> atomicNumbers, ReadOnlySpan<int> reduced)
    {
        var states = new int[atomicNumbers.Length][];
        Span<double> electronegativity = stackalloc double[atomicNumbers.Length];
        for (var i = 0; i < atomicNumbers.Length; i++)
        {
            states[i] = _statesOf[atomicNumbers[i]];
            electronegativity[i] = _electronegativity[atomicNumbers[i]];
        }

        return ReachableChargeSearch.Check(reduced, states, electronegativity);
    }

    /// <summary>
    /// Depth-first over one state per element, pruning on the reachable charge range, and — once a neutral
    /// assignment is known — on assignments that already break the Pauling order. Stops at the first balanced one.
    /// </summary>
    private bool Descend(ref SearchState search, int level, int charge, double maxCation, double minAnion)
    {
        if (level == search.Counts.Length)
        {
            if (charge != 0)
            {
                return false;
            }

            search.NeutralFound = true;
            search.BalancedFound = search.PaulingPossible && maxCation < minAnion;
            return search.BalancedFound || !search.PaulingPossible;
        }

        var z = search.AtomicNumbers[level];
        var count = search.Counts[level];
        var remainingMin = search.SuffixMin[level + 1];
        var remainingMax = search.SuffixMax[level + 1];
        var electronegativity = _electronegativity[z];
        var end = _stateOffset[z] + _stateCount[z];
        for (var s = _stateOffset[z]; s < end; s++)
        {
            var state = _states[s];
            var next = charge + (count * state);
            if (next + remainingMin > 0 || next + remainingMax < 0)
            {
                continue;
            }

            var nextMaxCation = state > 0 ? Math.Max(maxCation, electronegativity) : maxCation;
            var nextMinAnion = state < 0 ? Math.Min(minAnion, electronegativity) : minAnion;
            if (search.NeutralFound && !(nextMaxCation < nextMinAnion))
            {
                continue;
            }

            if (Descend(ref search, level + 1, next, nextMaxCation, nextMinAnion))
            {
                return true;
            }
        }

        return false;
    }

    private ref struct SearchState(
        ReadOnlySpan<int> atomicNumbers,
        ReadOnlySpan<int> counts,
        ReadOnlySpan<int> suffixMin,
        ReadOnlySpan<int> suffixMax,
        bool paulingPossible)
    {
        public readonly ReadOnlySpan<int> AtomicNumbers = atomicNumbers;
        public readonly ReadOnlySpan<int> Counts = counts;
        public readonly ReadOnlySpan<int> SuffixMin = suffixMin;
        public readonly ReadOnlySpan<int> SuffixMax = suffixMax;
        public readonly bool PaulingPossible = paulingPossible;
        public bool NeutralFound;
        public bool BalancedFound;
    }
}
