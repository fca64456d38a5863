using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Tests.Predictors.GradientBoosting;

public sealed class FeatureBinningTests
{
    [Fact]
    public void Fit_FewDistinctValues_UsesMidpointsBetweenThem()
    {
        double[] column = [3, 1, 2, 2, double.NaN, 1];

        var binning = FeatureBinning.Fit<double>(column, 1, maxBins: 255, seed: 0);

        binning.UpperBounds(0).ToArray().Should().Equal(1.5, 2.5);
        binning.ValueBinCount(0).Should().Be(3);
        binning.BinOf(0, 1).Should().Be(0);
        binning.BinOf(0, 1.5).Should().Be(0);
        binning.BinOf(0, 2).Should().Be(1);
        binning.BinOf(0, 100).Should().Be(2);
        binning.BinOf(0, double.NegativeInfinity).Should().Be(0);
        binning.BinOf(0, double.NaN).Should().Be(binning.NanBin(0)).And.Be(3);
    }

    [Fact]
    public void Fit_ManyDistinctValues_MakesAtMostMaxBinsOfSimilarSize()
    {
        var random = new Random(3);
        var column = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble()).ToArray();

        var binning = FeatureBinning.Fit<double>(column, 1, maxBins: 16, seed: 0);

        binning.ValueBinCount(0).Should().Be(16);
        var sizes = column.GroupBy(value => binning.BinOf(0, value)).Select(group => group.Count()).ToArray();
        sizes.Should().HaveCount(16).And.OnlyContain(size => size > 500 && size < 750);
    }

    [Fact]
    public void Fit_HeavyValue_GetsItsOwnBinAndRestStaysResolved()
    {
        var random = new Random(5);
        var column = Enumerable.Range(0, 4_000).Select(i => i % 2 == 0 ? 0.0 : 1 + random.NextDouble()).ToArray();

        var binning = FeatureBinning.Fit<double>(column, 1, maxBins: 10, seed: 0);

        binning.ValueBinCount(0).Should().Be(10);
        binning.BinOf(0, 0).Should().Be(0);
        binning.BinOf(0, 1.0001).Should().Be(1);
    }

    [Fact]
    public void Threshold_SameSideAsBin_ForEverySampleValue()
    {
        var random = new Random(11);
        var column = Enumerable.Range(0, 3_000).Select(_ => Math.Round(random.NextDouble() * 1000) / 7).ToArray();
        var binning = FeatureBinning.Fit<double>(column, 1, maxBins: 32, seed: 0);

        for (var bin = 0; bin < binning.ValueBinCount(0); bin++)
        {
            var threshold = binning.Threshold(0, bin);
            column.Should().OnlyContain(value => (binning.BinOf(0, value) <= bin) == (value <= threshold));
        }
    }

    [Fact]
    public void Fit_FloatAndDoubleInput_GiveSameBounds()
    {
        float[] singles = [0.25f, 1.5f, -3f, 8f, 0.25f];
        var doubles = singles.Select(value => (double)value).ToArray();

        var fromSingles = FeatureBinning.Fit<float>(singles, 1, 255, seed: 1);
        var fromDoubles = FeatureBinning.Fit<double>(doubles, 1, 255, seed: 1);

        fromSingles.UpperBounds(0).ToArray().Should().Equal(fromDoubles.UpperBounds(0).ToArray());
    }

    [Fact]
    public void Fit_OnlyNaN_HasSingleValueBin()
    {
        double[] matrix = [double.NaN, 1, double.NaN, 2];

        var binning = FeatureBinning.Fit<double>(matrix, 2, 255, seed: 0);

        binning.FeatureCount.Should().Be(2);
        binning.ValueBinCount(0).Should().Be(1);
        binning.BinOf(0, 42).Should().Be(0);
        binning.ValueBinCount(1).Should().Be(2);
    }

    [Fact]
    public void Fit_LengthNotMultipleOfColumns_Throws()
    {
        var act = () => FeatureBinning.Fit<double>(new double[7], 2, 255, seed: 0);

        act.Should().Throw<ArgumentException>().WithMessage("*7*2*");
    }
}
