using MatGenDiscovery.Models.Featurization;

namespace MatGenDiscovery.Models.Tests.Featurization;

public class FeatureStandardizerTests
{
    [Fact]
    public void Fit_IgnoresNonFiniteValuesAndKeepsConstantColumnsAtScaleOne()
    {
        double[] matrix = [1, 5, 3, 5, double.NaN, 5];

        var standardizer = FeatureStandardizer.Fit(matrix, columns: 2);

        standardizer.Means.Should().Equal(2.0, 5.0);
        standardizer.Scales[0].Should().BeApproximately(1.0, 1e-12, "population σ of {1, 3}");
        standardizer.Scales[1].Should().Be(1.0, "a constant column is only centred");
    }

    [Fact]
    public void Apply_StandardisesClipsAndZeroesNonFinite()
    {
        var standardizer = new FeatureStandardizer([2, 0, 0], [0.5, 1, 1]);
        var row = new float[3];

        standardizer.Apply([3, 1e6, double.NaN], row);

        row.Should().Equal(2f, (float)FeatureStandardizer.Clip, 0f);
    }

    [Fact]
    public void Constructor_NonPositiveScale_ThrowsNamingTheColumn()
    {
        var act = () => new FeatureStandardizer([0, 0], [1, 0]);

        act.Should().Throw<ArgumentException>().WithMessage("*Column 1*scale 0*");
    }

    [Fact]
    public void Fit_RaggedMatrix_Throws()
    {
        var act = () => FeatureStandardizer.Fit(new double[5], columns: 2);

        act.Should().Throw<ArgumentException>().WithMessage("*5 values*2-column rows*");
    }
}
