namespace MatGenDiscovery.Models.Featurization;

/// <summary>
/// The 145 Magpie feature names exactly as matminer labels them, in matminer's order:
/// <c>Stoichiometry()</c> (6), <c>ElementProperty.from_preset("magpie")</c> (22 properties × 6 statistics),
/// <c>ValenceOrbital(props=["frac"])</c> (4), <c>IonProperty(fast=True)</c> (3).
/// </summary>
public static class MagpieFeatureNames
{
    /// <summary>The p of each stoichiometric p-norm; p = 0 is the number of elements.</summary>
    public static IReadOnlyList<int> NormOrders { get; } = [0, 2, 3, 5, 7, 10];

    /// <summary>matminer's Magpie preset properties, in preset order (names are the Magpie table names).</summary>
    public static IReadOnlyList<string> ElementProperties { get; } =
    [
        "Number", "MendeleevNumber", "AtomicWeight", "MeltingT", "Column", "Row", "CovalentRadius",
        "Electronegativity", "NsValence", "NpValence", "NdValence", "NfValence", "NValence",
        "NsUnfilled", "NpUnfilled", "NdUnfilled", "NfUnfilled", "NUnfilled",
        "GSvolume_pa", "GSbandgap", "GSmagmom", "SpaceGroupNumber",
    ];

    /// <summary>matminer's statistic names, in preset order.</summary>
    public static IReadOnlyList<string> Statistics { get; } = ["minimum", "maximum", "range", "mean", "avg_dev", "mode"];

    public static IReadOnlyList<string> Orbitals { get; } = ["s", "p", "d", "f"];

    public static IReadOnlyList<string> IonFeatures { get; } = ["compound possible", "max ionic char", "avg ionic char"];

    public static IReadOnlyList<string> All { get; } = Build();

    public const int Count = 145;

    /// <summary>Index of the first ElementProperty column (after the six norms).</summary>
    public const int ElementPropertyOffset = 6;

    /// <summary>Index of the first ValenceOrbital column.</summary>
    public const int ValenceOffset = ElementPropertyOffset + 22 * 6;

    /// <summary>Index of the first IonProperty column.</summary>
    public const int IonOffset = ValenceOffset + 4;

    private static string[] Build()
    {
        var names = new List<string>(Count);
        names.AddRange(NormOrders.Select(p => $"{p}-norm"));
        foreach (var property in ElementProperties)
        {
            names.AddRange(Statistics.Select(stat => $"MagpieData {stat} {property}"));
        }

        names.AddRange(Orbitals.Select(orbital => $"frac {orbital} valence electrons"));
        names.AddRange(IonFeatures);
        return names.ToArray();
    }
}
