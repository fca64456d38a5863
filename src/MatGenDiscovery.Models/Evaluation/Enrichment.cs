using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Enumeration;
using MatGenDiscovery.Chemistry.Validity;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Validity enrichment of the generated set over exhaustive enumeration of the same space (see <see cref="EnrichmentResult"/>).
/// </summary>
public static class Enrichment
{
    /// <param name="enumeration">
    /// The enumeration of the space; pass a precomputed one, or null to use <see cref="EnumerationCache"/> with smact14.
    /// </param>
    public static EnrichmentResult Compute(
        CompositionSet generated, int arity, int maxCount, string elementSetName, IReadOnlyList<Element> elements,
        EnumerationSummary? enumeration = null)
    {
        var options = new ValidityOptions();
        enumeration ??= EnumerationCache.Get(arity, maxCount, elementSetName, elements, options);
        var validator = new SmactValidator(options);
        var allowed = elements.ToHashSet();
        var inSpace = generated.Items.Where(c => InSpace(c, arity, maxCount, allowed)).ToArray();
        var valid = inSpace.Count(c => validator.Check(c).ElectronegativityBalanced);
        return new EnrichmentResult(
            arity,
            maxCount,
            elementSetName,
            elements.Count,
            enumeration.Compositions,
            enumeration.ElectronegativityBalancedShare,
            inSpace.Length,
            inSpace.Length == 0 ? 0 : (double)valid / inSpace.Length);
    }

    private static bool InSpace(Composition composition, int arity, int maxCount, HashSet<Element> allowed) =>
        composition.IsIntegral
        && composition.Arity == arity
        && composition.ReducedCounts.All(n => n <= maxCount)
        && composition.Elements.All(allowed.Contains);
}
