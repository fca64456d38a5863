using System.Collections.Concurrent;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Enumeration;
using MatGenDiscovery.Chemistry.Validity;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Exhaustive enumeration summaries, computed once per (arity, max count, element set, validity options) for the life
/// of the process: a ternary enumeration over MatGAN's 85 elements with M = 8 checks about 47 million compositions.
/// Thread-safe; concurrent requests for the same key share one computation.
/// </summary>
public static class EnumerationCache
{
    private static readonly ConcurrentDictionary<(int Arity, int MaxCount, string ElementSet, ValidityOptions Options), Lazy<EnumerationSummary>> Entries = new();

    /// <param name="elementSetName">Identifies <paramref name="elements"/> in the cache key; the same name must mean the same elements.</param>
    public static EnumerationSummary Get(
        int arity, int maxCount, string elementSetName, IReadOnlyList<Element> elements, ValidityOptions options) =>
        Entries.GetOrAdd(
            (arity, maxCount, elementSetName, options),
            _ => new Lazy<EnumerationSummary>(() => new CompositionEnumerator(new SmactValidator(options), elements).Count(arity, maxCount))).Value;
}
