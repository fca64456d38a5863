using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Evaluation;

namespace MatGenDiscovery.Models.Generative.Autoencoder;

/// <summary>
/// How many of a GAN's decoded samples an autoencoder cannot reconstruct (MatGAN's check of generated compositions).
/// Each distinct reduced composition counts once in the <c>Distinct</c> figures and with its sample count (the sum of
/// its rows' counts) in the <c>Samples</c> figures; samples that decoded to nothing are left out of both.
/// </summary>
public sealed record GeneratedDecodability(int Distinct, int NotDecodableDistinct, long Samples, long NotDecodableSamples)
{
    public double NotDecodableDistinctShare => Distinct == 0 ? 0 : (double)NotDecodableDistinct / Distinct;

    public double NotDecodableSampleShare => Samples == 0 ? 0 : (double)NotDecodableSamples / Samples;

    public static GeneratedDecodability Measure(CountMatrixAutoencoder autoencoder, GeneratedSamples samples)
    {
        ArgumentNullException.ThrowIfNull(autoencoder);
        return Measure(autoencoder.DecodableFlags, samples);
    }

    /// <param name="decodable">
    /// Flags per composition whether it survives the encode–decode round trip (e.g.
    /// <see cref="CountMatrixAutoencoder.DecodableFlags"/>); called once, with the distinct compositions.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="decodable"/> returned one flag per composition too many or too few.</exception>
    public static GeneratedDecodability Measure(Func<IReadOnlyList<Composition>, bool[]> decodable, GeneratedSamples samples)
    {
        ArgumentNullException.ThrowIfNull(decodable);
        ArgumentNullException.ThrowIfNull(samples);
        var positions = new Dictionary<CompositionKey, int>();
        var distinct = new List<Composition>();
        var counts = new List<long>();
        for (var i = 0; i < samples.Compositions.Count; i++)
        {
            var composition = samples.Compositions[i];
            if (!positions.TryGetValue(composition.Key, out var position))
            {
                position = distinct.Count;
                positions.Add(composition.Key, position);
                distinct.Add(composition);
                counts.Add(0);
            }

            counts[position] += samples.Counts?[i] ?? 1;
        }

        var flags = decodable(distinct);
        if (flags.Length != distinct.Count)
        {
            throw new ArgumentException($"the decodability check returned {flags.Length} flags for {distinct.Count} compositions", nameof(decodable));
        }

        var notDistinct = 0;
        long notSamples = 0;
        for (var i = 0; i < flags.Length; i++)
        {
            if (!flags[i])
            {
                notDistinct++;
                notSamples += counts[i];
            }
        }

        return new GeneratedDecodability(distinct.Count, notDistinct, counts.Sum(), notSamples);
    }
}
