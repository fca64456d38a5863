using MatGenDiscovery.Models.Featurization;

namespace MatGenDiscovery.Models.Tests.Featurization;

public class MagpieFeatureNamesTests
{
    [Fact]
    public void All_Has145UniqueNames()
    {
        MagpieFeatureNames.All.Should().HaveCount(145).And.OnlyHaveUniqueItems();
        MagpieFeatureNames.Count.Should().Be(145);
    }

    [Fact]
    public void All_FollowsMatminerOrderAndSpelling()
    {
        var names = MagpieFeatureNames.All;

        names.Take(6).Should().Equal("0-norm", "2-norm", "3-norm", "5-norm", "7-norm", "10-norm");
        names.Skip(6).Take(7).Should().Equal(
            "MagpieData minimum Number", "MagpieData maximum Number", "MagpieData range Number",
            "MagpieData mean Number", "MagpieData avg_dev Number", "MagpieData mode Number",
            "MagpieData minimum MendeleevNumber");
        names[MagpieFeatureNames.ValenceOffset - 1].Should().Be("MagpieData mode SpaceGroupNumber");
        names.Skip(MagpieFeatureNames.ValenceOffset).Should().Equal(
            "frac s valence electrons", "frac p valence electrons", "frac d valence electrons", "frac f valence electrons",
            "compound possible", "max ionic char", "avg ionic char");
    }
}
