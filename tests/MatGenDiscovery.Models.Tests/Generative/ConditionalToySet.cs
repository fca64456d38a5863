using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.Sampling;

namespace MatGenDiscovery.Models.Tests.Generative;

/// <summary>Oxides with target −2 and oxygen-free intermetallics with target +1: a property a model can condition on.</summary>
internal static class ConditionalToySet
{
    public const double OxideTarget = -2;
    public const double MetalTarget = 1;

    public static IReadOnlyList<Composition> Compositions { get; } =
        new[] { "Li2O", "Na2O", "K2O", "MgO", "CaO", "SrO", "BaO", "ZnO", "CuO", "NiO", "FeO", "CoO" }
            .Concat(["CuZn", "NiAl", "FeAl", "CoAl", "TiNi", "CuAl2", "MgZn2", "NiZn", "LiAl", "NaK", "CaMg2", "BaCu"])
            .Select(Composition.Parse).ToArray();

    public static IReadOnlyList<double> Targets { get; } =
        Enumerable.Repeat(OxideTarget, 12).Concat(Enumerable.Repeat(MetalTarget, 12)).ToArray();

    public static ConditionalSpace Space => ConditionalSpace.FromTraining(Compositions, Targets);

    /// <summary>Share of decoded samples that contain oxygen.</summary>
    public static double OxygenShare(Func<GenerationRequest, GeneratedSet> generate, double target, out GeneratedSet set)
    {
        var oxygen = ElementTable.Default.Get("O");
        set = generate(new GenerationRequest(2000, Seed: 11, Target: target, ChunkSize: 500));
        var unique = set.Unique;
        return unique.Count == 0 ? 0 : (double)unique.Count(c => c.Elements.Contains(oxygen)) / unique.Count;
    }
}
