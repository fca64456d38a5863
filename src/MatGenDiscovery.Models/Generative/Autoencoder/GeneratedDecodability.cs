using MatGenDiscovery.Models.Evaluation;

namespace MatGenDiscovery.Models.Generative.Autoencoder;

/// <summary>
/// How many of a GAN's decoded samples an autoencoder cannot reconstruct (MatGAN's check of generated compositions).
/// Rows count once in the <c>Distinct</c> figures and with their sample count in the <c>Samples</c> figures; samples
/// that decoded to nothing are left out of both.
/// </summary>
public sealed record GeneratedDecodability(int Distinct, int NotDecodableDistinct, long Samples, long NotDecodableSamples)
{
    public double NotDecodableDistinctShare => Distinct == 0 ? 0 : (double)NotDecodableDistinct / Distinct;

    public double NotDecodableSampleShare => Samples == 0 ? 0 : (double)NotDecodableSamples / Samples;

    public static GeneratedDecodability Measure(CountMatrixAutoencoder autoencoder, GeneratedSamples samples)
    {
        ArgumentNullException.ThrowIfNull(autoencoder);
        ArgumentNullException.ThrowIfNull(samples);
        var flags = autoencoder.DecodableFlags(samples.Compositions);
        var notDistinct = 0;
        long drawn = 0, notDrawn = 0;
        for (var i = 0; i < flags.Length; i++)
        {
            var count = samples.Counts?[i] ?? 1;
            drawn += count;
            if (!flags[i])
            {
                notDistinct++;
                notDrawn += count;
            }
        }

        return new GeneratedDecodability(flags.Length, notDistinct, drawn, notDrawn);
    }
}
