using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Featurization;
using MatGenDiscovery.Models.Predictors.Mlp;

namespace MatGenDiscovery.Models.Tests.Predictors.Mlp;

public class MlpInputEncoderTests
{
    private static readonly Composition[] Training = [Composition.Parse("Fe2O3"), Composition.Parse("LiF"), Composition.Parse("NaCl")];

    [Fact]
    public void Fit_WithoutMagpie_IsTheFractionEncoding()
    {
        var encoder = MlpInputEncoder.Fit(Training, Training, withMagpie: false);

        encoder.Count.Should().Be(encoder.Fractions.Count);
        encoder.FeatureSetId.Should().Be($"fractions-{encoder.Fractions.Count}-v1");
        encoder.Encode([Training[0]]).Should().Equal(encoder.Fractions.Encode([Training[0]]));
    }

    [Fact]
    public void Encode_WithMagpie_AppendsFeaturesStandardisedOnTheTrainingRows()
    {
        var encoder = MlpInputEncoder.Fit(Training, Training, withMagpie: true);
        var rows = encoder.Encode(Training);

        encoder.Count.Should().Be(encoder.Fractions.Count + MagpieFeatureNames.Count);
        encoder.FeatureSetId.Should().Be($"fractions-{encoder.Fractions.Count}-magpie-145-v1");
        var magpieMeans = new double[MagpieFeatureNames.Count];
        for (var row = 0; row < Training.Length; row++)
        {
            var slice = rows.AsSpan((row * encoder.Count) + encoder.Fractions.Count, MagpieFeatureNames.Count);
            for (var j = 0; j < magpieMeans.Length; j++)
            {
                magpieMeans[j] += slice[j] / (double)Training.Length;
            }
        }

        magpieMeans.Should().AllSatisfy(mean => mean.Should().BeApproximately(0, 1e-5), "each column is centred on the training rows");
        rows.AsSpan(0, encoder.Fractions.Count).ToArray().Should().Equal(encoder.Fractions.Encode([Training[0]]));
    }

    [Fact]
    public void Constructor_StandardisationOfOtherWidth_Throws()
    {
        var fractions = ElementFractionEncoder.FromCompositions(Training);

        var act = () => new MlpInputEncoder(fractions, new FeatureStandardizer([0, 0], [1, 1]));

        act.Should().Throw<ArgumentException>().WithMessage("*2 columns; 145 are needed*");
    }
}
