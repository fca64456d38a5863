using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Generative.Sampling;

/// <summary>
/// The outcome of a generation: samples drawn, samples that decoded to an accepted composition, the distinct reduced
/// compositions in first-occurrence order, and how many of those are SMACT-valid (smact14, electronegativity-balanced).
/// </summary>
public sealed record GeneratedSet(int Generated, int Decoded, IReadOnlyList<Composition> Unique, int UniqueValid)
{
    public double DecodedShare => Generated == 0 ? 0 : (double)Decoded / Generated;

    public double UniqueShare => Decoded == 0 ? 0 : (double)Unique.Count / Decoded;

    public double ValidShare => Unique.Count == 0 ? 0 : (double)UniqueValid / Unique.Count;
}
