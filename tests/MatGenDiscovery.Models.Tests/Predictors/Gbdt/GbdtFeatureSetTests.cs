using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Featurization;
using MatGenDiscovery.Models.Predictors;
using MatGenDiscovery.Models.Predictors.Gbdt;

namespace MatGenDiscovery.Models.Tests.Predictors.Gbdt;

public class GbdtFeatureSetTests
{
    [Fact]
    public void MagpieFractions_AppendsAtomicFractionsAfterTheMagpieColumns()
    {
        var set = GbdtFeatureSet.MagpieFractions;
        var row = new double[set.Count];
        var magpie = new double[MagpieFeatureNames.Count];

        set.Featurize(Composition.Parse("Fe2O3"), row);
        MagpieFeaturizer.CreateDefault().Featurize(Composition.Parse("Fe2O3"), magpie);

        set.Count.Should().Be(239);
        set.Id.Should().Be(FeatureSetIds.MagpieFractions);
        row.AsSpan(0, MagpieFeatureNames.Count).ToArray().Should().Equal(magpie);
        set.Names[MagpieFeatureNames.Count + 7].Should().Be("fraction O");
        row[MagpieFeatureNames.Count + 7].Should().BeApproximately(0.6, 1e-15);
        row[MagpieFeatureNames.Count + 25].Should().BeApproximately(0.4, 1e-15, "Fe is Z = 26");
        row.Skip(MagpieFeatureNames.Count).Count(value => value != 0).Should().Be(2);
    }

    [Fact]
    public void Featurize_Matrix_MatchesRowByRowFeaturisation()
    {
        var compositions = TrainedPredictors.Test.Take(300).ToArray();
        var set = GbdtFeatureSet.MagpieFractions;

        var matrix = set.Featurize(compositions);

        var row = new double[set.Count];
        set.Featurize(compositions[^1], row);
        matrix.AsSpan((compositions.Length - 1) * set.Count, set.Count).ToArray().Should().Equal(row);
    }

    [Fact]
    public void Find_ByShortNameOrId_AndUnknownGivesNull()
    {
        GbdtFeatureSet.Find("magpie").Should().BeSameAs(GbdtFeatureSet.Magpie);
        GbdtFeatureSet.Find(FeatureSetIds.MagpieFractions).Should().BeSameAs(GbdtFeatureSet.MagpieFractions);
        GbdtFeatureSet.Find("oxides").Should().BeNull();
    }
}
