using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Models.Tests.Predictors;

/// <summary>Seeded random compositions over a few elements, with a smooth synthetic "property".</summary>
internal static class SyntheticCompositions
{
    private static readonly string[] Symbols = ["Li", "Na", "Mg", "Al", "Si", "Ti", "Fe", "Cu", "Zn", "O", "S", "N", "F", "Cl"];

    public static Composition[] Random(int count, int seed)
    {
        var random = new Random(seed);
        var compositions = new Composition[count];
        for (var i = 0; i < count; i++)
        {
            var arity = random.Next(2, 5);
            var elements = Symbols.OrderBy(_ => random.Next()).Take(arity).Select(ElementTable.Default.Get);
            compositions[i] = Composition.FromCounts(elements.Select(element => (element, random.Next(1, 6))).ToList());
        }

        return compositions;
    }

    /// <summary>y = 3·x(O) + 2·x(F) − x(Fe) + mean Z / 30, in fractions x: learnable from Magpie features and from fractions.</summary>
    public static double Property(Composition composition)
    {
        var fractions = composition.Fractions;
        var value = 0.0;
        var meanZ = 0.0;
        for (var i = 0; i < composition.Arity; i++)
        {
            var symbol = composition.Elements[i].Symbol;
            value += symbol switch { "O" => 3, "F" => 2, "Fe" => -1, _ => 0 } * fractions[i];
            meanZ += fractions[i] * composition.Elements[i].AtomicNumber;
        }

        return value + (meanZ / 30);
    }

    /// <summary>A band-gap-like target: 0 (metal) unless the composition holds O, F or Cl.</summary>
    public static double Gap(Composition composition) =>
        composition.Elements.Any(e => e.Symbol is "O" or "F" or "Cl") ? 1 + Property(composition) : 0;
}
