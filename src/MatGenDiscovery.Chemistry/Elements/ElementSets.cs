namespace MatGenDiscovery.Chemistry.Elements;

/// <summary>Fixed element lists from the literature, resolved against <see cref="ElementTable.Default"/>.</summary>
public static class ElementSets
{
    private const string MatGan85Symbols =
        "H Li Be B C N O F Na Mg Al Si P S Cl K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Rb Sr Y Zr Nb Mo Tc Ru " +
        "Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl " +
        "Pb Bi Ac Th Pa U Np Pu";

    // smact/__init__.py `metals`, in SMACT's order.
    private const string SmactMetalSymbols =
        "Li Be Na Mg Al K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Cs Ba La " +
        "Ce Pr Nd Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po Fr Ra Ac Th Pa U Np Pu Am Cm Bk " +
        "Cf Es Fm Md No";

    private static readonly Lazy<IReadOnlyList<Element>> LazyMatGan85 = new(() => Resolve(MatGan85Symbols));
    private static readonly Lazy<IReadOnlyList<Element>> LazySmactMetals = new(() => Resolve(SmactMetalSymbols));

    /// <summary>The 85 elements of MatGAN's 85 × 8 composition matrix, in MatGAN's order: ascending Z from H to Pu without He, Ne, Ar, Kr, Po, At, Rn, Fr and Ra.</summary>
    public static IReadOnlyList<Element> MatGan85 => LazyMatGan85.Value;

    /// <summary>SMACT's <c>metals</c> list (79 elements), used by the alloy shortcut of <c>smact_validity</c>.</summary>
    public static IReadOnlyList<Element> SmactMetals => LazySmactMetals.Value;

    private static IReadOnlyList<Element> Resolve(string symbols) =>
        symbols.Split(' ').Select(ElementTable.Default.Get).ToArray();
}
