using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Models.Featurization;

/// <summary>
/// Per-element inputs of the Magpie featurizer, indexed by atomic number Z (index 0 unused):
/// the 22 preset Magpie properties (NaN where the Magpie table has no value), pymatgen's Pauling
/// electronegativity X and pymatgen's common oxidation states.
/// </summary>
public sealed class MagpieElementTable
{
    /// <param name="properties">[property][Z]: one array per entry of <see cref="MagpieFeatureNames.ElementProperties"/>, in that order.</param>
    /// <param name="electronegativity">[Z]: pymatgen X; NaN where pymatgen has none (imputed here, see <see cref="ImputedElectronegativity"/>).</param>
    /// <param name="commonOxidationStates">[Z]: pymatgen's common oxidation states (empty where none).</param>
    public MagpieElementTable(double[][] properties, double[] electronegativity, int[][] commonOxidationStates)
    {
        if (properties.Length != MagpieFeatureNames.ElementProperties.Count)
        {
            throw new ArgumentException(
                $"expected {MagpieFeatureNames.ElementProperties.Count} property arrays, got {properties.Length}", nameof(properties));
        }

        MaxAtomicNumber = electronegativity.Length - 1;
        if (commonOxidationStates.Length != electronegativity.Length || properties.Any(p => p.Length != electronegativity.Length))
        {
            throw new ArgumentException("every per-element array must have the same length (max Z + 1)", nameof(properties));
        }

        Properties = properties;
        CommonOxidationStates = commonOxidationStates;
        var known = electronegativity.Skip(1).Where(x => !double.IsNaN(x)).ToArray();
        ImputedElectronegativity = known.Length == 0 ? double.NaN : known.Average();
        Electronegativity = electronegativity.Select(x => double.IsNaN(x) ? ImputedElectronegativity : x).ToArray();
    }

    /// <summary>The featurizer's inputs read from the chemistry element table (Magpie columns, pymatgen X and common states).</summary>
    public static MagpieElementTable FromElements(ElementTable elements)
    {
        var size = elements.Count + 1;
        var properties = MagpieFeatureNames.ElementProperties
            .Select(name =>
            {
                var index = elements.MagpiePropertyIndex(name);
                var column = new double[size];
                column[0] = double.NaN;
                foreach (var element in elements)
                {
                    column[element.AtomicNumber] = element.Magpie(index) ?? double.NaN;
                }

                return column;
            })
            .ToArray();
        var electronegativity = new double[size];
        var states = new int[size][];
        electronegativity[0] = double.NaN;
        states[0] = [];
        foreach (var element in elements)
        {
            electronegativity[element.AtomicNumber] = element.PymatgenElectronegativity ?? double.NaN;
            states[element.AtomicNumber] = element.PymatgenCommonOxidationStates.ToArray();
        }

        return new MagpieElementTable(properties, electronegativity, states);
    }

    public int MaxAtomicNumber { get; }

    internal double[][] Properties { get; }

    /// <summary>[Z]: pymatgen X with missing values replaced by <see cref="ImputedElectronegativity"/>.</summary>
    internal double[] Electronegativity { get; }

    internal int[][] CommonOxidationStates { get; }

    /// <summary>
    /// Mean pymatgen X over the elements that have one (≈ 1.713 for pymatgen 2022.11.7); what matminer's
    /// <c>PymatgenData(impute_nan=True)</c> substitutes for missing X.
    /// </summary>
    public double ImputedElectronegativity { get; }

    public double Property(int propertyIndex, int atomicNumber) => Properties[propertyIndex][atomicNumber];
}
