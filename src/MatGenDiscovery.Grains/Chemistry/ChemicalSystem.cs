using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Grains.Chemistry;

/// <summary>The chemical system of a composition: its element symbols sorted ordinally, joined by <c>-</c> (<c>Fe-Li-O</c>).</summary>
public static class ChemicalSystem
{
    public static string Of(Composition composition) =>
        string.Join('-', composition.Elements.Select(e => e.Symbol).Order(StringComparer.Ordinal));
}
