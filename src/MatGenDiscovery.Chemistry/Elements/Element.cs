namespace MatGenDiscovery.Chemistry.Elements;

/// <summary>
/// One chemical element with the properties bundled in <c>data/</c>: SMACT's Pauling electronegativity and
/// oxidation-state lists, every Magpie property, and pymatgen's electronegativity and oxidation states.
/// Instances come from <see cref="ElementTable"/>; there is exactly one per atomic number, so reference equality holds.
/// </summary>
public sealed class Element
{
    private readonly double?[] _magpie;
    private readonly int[][] _oxidationStates;
    private readonly ElementTable _table;

    internal Element(ElementRow data, ElementTable table)
    {
        AtomicNumber = data.AtomicNumber;
        Symbol = data.Symbol;
        Name = data.Name;
        Mass = data.Mass;
        PaulingElectronegativity = data.PaulingElectronegativity;
        PymatgenElectronegativity = data.PymatgenElectronegativity;
        PymatgenCommonOxidationStates = data.PymatgenCommonOxidationStates;
        PymatgenOxidationStates = data.PymatgenOxidationStates;
        MagpieIonizationEnergies = data.MagpieIonizationEnergies;
        _magpie = data.Magpie;
        _oxidationStates = data.OxidationStates;
        _table = table;
    }

    /// <summary>Z, 1–118.</summary>
    public int AtomicNumber { get; }

    public string Symbol { get; }

    public string Name { get; }

    /// <summary>Atomic mass in amu (SMACT, NIST); null above Z = 103.</summary>
    public double? Mass { get; }

    /// <summary>
    /// SMACT's Pauling electronegativity (<c>smact_el_neg</c>, CRC; Am and above 1.3). Null where SMACT has none
    /// (He, Ne, Ar, Pm, Z ≥ 103): such an element fails SMACT's Pauling test.
    /// </summary>
    public double? PaulingElectronegativity { get; }

    /// <summary>pymatgen 2022.11.7 <c>Element.X</c>; null where pymatgen has none.</summary>
    public double? PymatgenElectronegativity { get; }

    /// <summary>pymatgen's <c>common_oxidation_states</c> (what matminer's IonProperty uses).</summary>
    public IReadOnlyList<int> PymatgenCommonOxidationStates { get; }

    /// <summary>pymatgen's full <c>oxidation_states</c>.</summary>
    public IReadOnlyList<int> PymatgenOxidationStates { get; }

    /// <summary>Magpie's <c>IonizationEnergies</c> table in eV (first, second, ...); empty where Magpie has none.</summary>
    public IReadOnlyList<double> MagpieIonizationEnergies { get; }

    /// <summary>The oxidation states of this element in a set, in source order; empty when the set lists none.</summary>
    public IReadOnlyList<int> OxidationStates(OxidationStateSet set) => _oxidationStates[(int)set];

    /// <summary>
    /// A single-valued Magpie property by its table name (e.g. <c>"MendeleevNumber"</c>, <c>"CovalentRadius"</c>);
    /// null where the table has no value for this element.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a Magpie property (see <see cref="ElementTable.MagpiePropertyNames"/>).</exception>
    public double? Magpie(string property) => _magpie[_table.MagpiePropertyIndex(property)];

    /// <summary>A Magpie property by its index in <see cref="ElementTable.MagpiePropertyNames"/> (fast path for featurisation).</summary>
    public double? Magpie(int propertyIndex) => _magpie[propertyIndex];

    public override string ToString() => Symbol;
}
