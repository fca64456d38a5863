using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Generative.Sampling;

/// <summary>
/// The outcome of a generation: samples drawn, samples that decoded to an accepted composition, the distinct reduced
/// compositions in first-occurrence order, and how many of those are SMACT-valid (smact14, electronegativity-balanced).
/// <see cref="Counts"/> and <see cref="FirstIndices"/> (aligned with <see cref="Unique"/>, when given) say how many
/// samples gave each distinct composition and the 0-based sample index of its first occurrence, so the sample stream
/// can be reconstructed up to the order of repeats; <see cref="FirstRejectedIndex"/> is the index of the first sample
/// that did not decode (-1 when none), and <see cref="OverMaxElements"/> how many of the rejected samples had more
/// elements than the decoder keeps (MatGAN: more than 8 rows above the threshold).
/// </summary>
public sealed record GeneratedSet(
    int Generated,
    int Decoded,
    IReadOnlyList<Composition> Unique,
    int UniqueValid,
    IReadOnlyList<int>? Counts = null,
    IReadOnlyList<int>? FirstIndices = null,
    int FirstRejectedIndex = -1,
    int OverMaxElements = 0)
{
    public int Rejected => Generated - Decoded;

    public double DecodedShare => Generated == 0 ? 0 : (double)Decoded / Generated;

    public double UniqueShare => Decoded == 0 ? 0 : (double)Unique.Count / Decoded;

    public double ValidShare => Unique.Count == 0 ? 0 : (double)UniqueValid / Unique.Count;
}
