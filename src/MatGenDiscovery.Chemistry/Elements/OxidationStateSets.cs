namespace MatGenDiscovery.Chemistry.Elements;

/// <summary>Names of <see cref="OxidationStateSet"/> as used on the command line and in <c>data/oxidation_states.csv</c>.</summary>
public static class OxidationStateSets
{
    private static readonly (OxidationStateSet Set, string Name, string SourceSet)[] Table =
    [
        (OxidationStateSet.Smact14, "smact14", "smact_default_2014"),
        (OxidationStateSet.Icsd16, "icsd16", "icsd_2016"),
        (OxidationStateSet.Icsd24, "icsd24", "icsd24_filtered"),
        (OxidationStateSet.Pymatgen, "pymatgen", "pymatgen_structure_predictor_2017"),
        (OxidationStateSet.Icsd24Common, "icsd24_common", "icsd24_common"),
        (OxidationStateSet.Icsd24Raw, "icsd24_raw", "icsd24_raw"),
        (OxidationStateSet.Pymatgen2017, "pymatgen2017", "pymatgen_2017"),
        (OxidationStateSet.Wikipedia, "wiki", "wikipedia_2022"),
        (OxidationStateSet.Magpie, "magpie", "magpie"),
    ];

    /// <summary>Every set, in declaration order.</summary>
    public static IReadOnlyList<OxidationStateSet> All { get; } = Table.Select(row => row.Set).ToArray();

    /// <summary>The short names accepted by <see cref="Parse"/> (smact14, icsd16, icsd24, pymatgen, ...).</summary>
    public static IReadOnlyList<string> Names { get; } = Table.Select(row => row.Name).ToArray();

    public static string Name(OxidationStateSet set) => Row(set).Name;

    /// <summary>The <c>source_set</c> value of <c>data/oxidation_states.csv</c>.</summary>
    public static string SourceSet(OxidationStateSet set) => Row(set).SourceSet;

    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static OxidationStateSet Parse(string name)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return row.Set;
            }
        }

        throw new ArgumentException(
            $"unknown oxidation-state set '{name}'; expected one of {string.Join(", ", Table.Select(row => row.Name))}",
            nameof(name));
    }

    internal static bool TryFromSourceSet(string sourceSet, out OxidationStateSet set)
    {
        foreach (var row in Table)
        {
            if (row.SourceSet == sourceSet)
            {
                set = row.Set;
                return true;
            }
        }

        set = default;
        return false;
    }

    private static (OxidationStateSet Set, string Name, string SourceSet) Row(OxidationStateSet set) =>
        Table.First(row => row.Set == set);
}
