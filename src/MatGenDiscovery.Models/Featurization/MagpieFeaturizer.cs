using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Models.Featurization;

/// <summary>
/// The 145 Magpie composition features (Ward et al. 2016) as matminer computes them with
/// <c>Stoichiometry()</c>, <c>ElementProperty.from_preset("magpie")</c>, <c>ValenceOrbital(props=["frac"])</c>
/// and <c>IonProperty(fast=True)</c>; names and order in <see cref="MagpieFeatureNames.All"/>.
/// </summary>
/// <remarks>
/// Missing Magpie values are NaN and propagate as in matminer with <c>impute_nan=False</c> (e.g. every
/// Electronegativity statistic of a compound containing He is NaN except, possibly, the mode).
/// Missing pymatgen electronegativities are replaced by their mean over the elements that have one
/// (<see cref="MagpieElementTable.ImputedElectronegativity"/>, matminer's <c>PymatgenData(impute_nan=True)</c>),
/// so the ionic-character features are always finite. "compound possible" is 1 or 0.
/// Amounts are used as given (not reduced); every feature except the exact-zero charge test of
/// "compound possible" (numpy <c>isclose</c>, absolute tolerance 1e-8) is invariant to scaling them.
/// </remarks>
public sealed class MagpieFeaturizer
{
    private const int StackLimit = 32;
    private const double ChargeTolerance = 1e-8;
    private const int NValenceIndex = 12;
    private const int NsValenceIndex = 8;

    private readonly MagpieElementTable _table;

    public MagpieFeaturizer(MagpieElementTable table) => _table = table;

    public static IReadOnlyList<string> FeatureNames => MagpieFeatureNames.All;

    public MagpieElementTable Table => _table;

    /// <summary>A featurizer over the bundled element table.</summary>
    public static MagpieFeaturizer CreateDefault() => new(MagpieElementTable.FromElements(ElementTable.Default));

    /// <summary>Computes the 145 features of a composition (its amounts as given) into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The destination holds fewer than 145 values.</exception>
    public void Featurize(Composition composition, Span<double> destination)
    {
        var n = composition.Arity;
        Span<int> atomicNumbers = n <= StackLimit ? stackalloc int[n] : new int[n];
        Span<double> amounts = n <= StackLimit ? stackalloc double[n] : new double[n];
        var elements = composition.Elements;
        var given = composition.Amounts;
        for (var i = 0; i < n; i++)
        {
            atomicNumbers[i] = elements[i].AtomicNumber;
            amounts[i] = given[i];
        }

        Featurize(atomicNumbers, amounts, destination);
    }

    /// <summary>Computes the 145 features of the composition given as parallel atomic numbers and amounts.</summary>
    /// <param name="atomicNumbers">Distinct atomic numbers, 1..<see cref="MagpieElementTable.MaxAtomicNumber"/>.</param>
    /// <param name="amounts">Positive amounts (any scale), one per atomic number.</param>
    /// <param name="destination">At least 145 values.</param>
    /// <exception cref="ArgumentException">Empty input, mismatched lengths, a bad atomic number or amount, or a short destination.</exception>
    public void Featurize(ReadOnlySpan<int> atomicNumbers, ReadOnlySpan<double> amounts, Span<double> destination)
    {
        Validate(atomicNumbers, amounts, destination);
        var n = atomicNumbers.Length;
        Span<double> values = n <= StackLimit ? stackalloc double[n] : new double[n];

        var total = 0.0;
        var maxAmount = 0.0;
        foreach (var amount in amounts)
        {
            total += amount;
            maxAmount = Math.Max(maxAmount, amount);
        }

        WriteNorms(amounts, total, destination);
        WriteElementProperties(atomicNumbers, amounts, total, maxAmount, values, destination);
        WriteValenceFractions(destination);
        WriteIonProperties(atomicNumbers, amounts, total, destination);
    }

    private static void WriteNorms(ReadOnlySpan<double> amounts, double total, Span<double> destination)
    {
        var orders = MagpieFeatureNames.NormOrders;
        destination[0] = amounts.Length;
        for (var k = 1; k < orders.Count; k++)
        {
            var p = orders[k];
            var sum = 0.0;
            foreach (var amount in amounts)
            {
                sum += Math.Pow(amount / total, p);
            }

            destination[k] = Math.Pow(sum, 1.0 / p);
        }
    }

    private void WriteElementProperties(
        ReadOnlySpan<int> atomicNumbers, ReadOnlySpan<double> amounts, double total, double maxAmount,
        Span<double> values, Span<double> destination)
    {
        var statistics = MagpieFeatureNames.Statistics.Count;
        for (var property = 0; property < _table.Properties.Length; property++)
        {
            var column = _table.Properties[property];
            for (var i = 0; i < atomicNumbers.Length; i++)
            {
                values[i] = column[atomicNumbers[i]];
            }

            var offset = MagpieFeatureNames.ElementPropertyOffset + property * statistics;
            PropertyStatistics.WriteSix(values, amounts, total, maxAmount, destination.Slice(offset, statistics));
        }
    }

    /// <summary>frac o = mean(N_o Valence) / mean(NValence), both taken from the ElementProperty means already written.</summary>
    private static void WriteValenceFractions(Span<double> destination)
    {
        var statistics = MagpieFeatureNames.Statistics.Count;
        const int meanIndex = 3;
        var totalMean = destination[MagpieFeatureNames.ElementPropertyOffset + NValenceIndex * statistics + meanIndex];
        for (var orbital = 0; orbital < 4; orbital++)
        {
            var orbitalMean = destination[MagpieFeatureNames.ElementPropertyOffset + (NsValenceIndex + orbital) * statistics + meanIndex];
            destination[MagpieFeatureNames.ValenceOffset + orbital] = orbitalMean / totalMean;
        }
    }

    private void WriteIonProperties(ReadOnlySpan<int> atomicNumbers, ReadOnlySpan<double> amounts, double total, Span<double> destination)
    {
        var offset = MagpieFeatureNames.IonOffset;
        if (atomicNumbers.Length < 2)
        {
            destination[offset] = 1;
            destination[offset + 1] = 0;
            destination[offset + 2] = 0;
            return;
        }

        destination[offset] = ChargeNeutralComboExists(atomicNumbers, amounts) ? 1 : 0;
        var maxIonic = double.NegativeInfinity;
        var averageIonic = 0.0;
        var x = _table.Electronegativity;
        for (var i = 0; i < atomicNumbers.Length; i++)
        {
            for (var j = i + 1; j < atomicNumbers.Length; j++)
            {
                var difference = x[atomicNumbers[i]] - x[atomicNumbers[j]];
                var ionic = 1.0 - Math.Exp(-0.25 * difference * difference);
                maxIonic = Math.Max(maxIonic, ionic);
                averageIonic += amounts[i] / total * (amounts[j] / total) * ionic;
            }
        }

        destination[offset + 1] = maxIonic;
        destination[offset + 2] = averageIonic;
    }

    /// <summary>
    /// matminer's fast test: some choice of one common oxidation state per element gives
    /// |Σ state·amount| ≤ 1e-8. An element without common oxidation states makes it false.
    /// </summary>
    private bool ChargeNeutralComboExists(ReadOnlySpan<int> atomicNumbers, ReadOnlySpan<double> amounts)
    {
        var n = atomicNumbers.Length;
        Span<int> choice = n <= StackLimit ? stackalloc int[n] : new int[n];
        var states = _table.CommonOxidationStates;
        for (var i = 0; i < n; i++)
        {
            if (states[atomicNumbers[i]].Length == 0)
            {
                return false;
            }
        }

        while (true)
        {
            var charge = 0.0;
            for (var i = 0; i < n; i++)
            {
                charge += states[atomicNumbers[i]][choice[i]] * amounts[i];
            }

            if (Math.Abs(charge) <= ChargeTolerance)
            {
                return true;
            }

            var k = n - 1;
            while (k >= 0 && ++choice[k] == states[atomicNumbers[k]].Length)
            {
                choice[k] = 0;
                k--;
            }

            if (k < 0)
            {
                return false;
            }
        }
    }

    private void Validate(ReadOnlySpan<int> atomicNumbers, ReadOnlySpan<double> amounts, Span<double> destination)
    {
        if (atomicNumbers.Length == 0)
        {
            throw new ArgumentException("cannot featurize an empty composition", nameof(atomicNumbers));
        }

        if (atomicNumbers.Length != amounts.Length)
        {
            throw new ArgumentException(
                $"got {atomicNumbers.Length} atomic numbers but {amounts.Length} amounts", nameof(amounts));
        }

        if (destination.Length < MagpieFeatureNames.Count)
        {
            throw new ArgumentException(
                $"destination holds {destination.Length} values; {MagpieFeatureNames.Count} are needed", nameof(destination));
        }

        for (var i = 0; i < atomicNumbers.Length; i++)
        {
            if (atomicNumbers[i] < 1 || atomicNumbers[i] > _table.MaxAtomicNumber)
            {
                throw new ArgumentException(
                    $"atomic number {atomicNumbers[i]} is outside 1..{_table.MaxAtomicNumber}", nameof(atomicNumbers));
            }

            if (!(amounts[i] > 0) || double.IsInfinity(amounts[i]))
            {
                throw new ArgumentException(
                    $"amount {amounts[i]} of element Z={atomicNumbers[i]} must be positive and finite", nameof(amounts));
            }
        }
    }
}
