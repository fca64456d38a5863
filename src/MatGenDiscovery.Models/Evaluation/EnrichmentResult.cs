namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Validity enrichment over exhaustive enumeration for one arity, max count and element set (MatGAN's argument for a
/// generative model): <see cref="GeneratedValidShare"/> / <see cref="EnumerationValidShare"/>. Valid means
/// charge-neutral and electronegativity-balanced under smact14. <see cref="GeneratedInSpace"/> counts the distinct
/// generated compositions inside the enumerated space (that arity, elements from the set, reduced counts ≤ max count);
/// the generated share is over those. <see cref="Factor"/> is null when the enumeration has no valid composition.
/// </summary>
public sealed record EnrichmentResult(
    int Arity,
    int MaxCount,
    string ElementSet,
    int ElementCount,
    long EnumeratedCompositions,
    double EnumerationValidShare,
    int GeneratedInSpace,
    double GeneratedValidShare)
{
    public double? Factor => EnumerationValidShare > 0 ? GeneratedValidShare / EnumerationValidShare : null;
}
