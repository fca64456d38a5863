using MatGenDiscovery.Models.Embedding;

namespace MatGenDiscovery.Models.Tests.Embedding;

public sealed class PrincipalComponentsTests
{
    private static readonly double[] Dominant = Normalise([1, 2, 0, -1]);

    [Fact]
    public void Fit_DataWithDominantDirection_FindsItAsFirstAxis()
    {
        var points = Line(new Random(3), 500);

        var pca = PrincipalComponents.Fit(points);

        Math.Abs(Dot(pca.Axes[0], Dominant)).Should().BeGreaterThan(0.999);
        pca.ExplainedShares[0].Should().BeGreaterThan(0.95);
        Dot(pca.Axes[0], pca.Axes[1]).Should().BeApproximately(0, 1e-9);
        pca.Variances[0].Should().BeGreaterThan(pca.Variances[1]);
    }

    [Fact]
    public void Fit_AxisAlignedGaussian_VariancesMatchTheDiagonalCovariance()
    {
        var random = new Random(11);
        var points = Enumerable.Range(0, 4000).Select(_ => new[] { 3 * Gaussian(random), 1 * Gaussian(random), 0.2 * Gaussian(random) }).ToArray();

        var pca = PrincipalComponents.Fit(points, components: 3);

        pca.Variances[0].Should().BeApproximately(9, 0.6);
        pca.Variances[1].Should().BeApproximately(1, 0.1);
        pca.Variances[2].Should().BeApproximately(0.04, 0.005);
        pca.Variances.Sum().Should().BeApproximately(pca.TotalVariance, 1e-9);
        pca.Axes[0][0].Should().BeApproximately(1, 1e-3, "the largest entry is made positive");
    }

    [Fact]
    public void Transform_Scores_HaveTheFittedVarianceAndZeroMean()
    {
        var points = Line(new Random(5), 300);
        var pca = PrincipalComponents.Fit(points);

        var scores = pca.Transform(points);

        scores.Average(s => s.X).Should().BeApproximately(0, 1e-9);
        scores.Average(s => s.X * s.X).Should().BeApproximately(pca.Variances[0], 1e-9);
        scores.Average(s => s.Y * s.Y).Should().BeApproximately(pca.Variances[1], 1e-9);
    }

    [Fact]
    public void Fit_ManyRows_IsIdenticalAcrossRuns()
    {
        var points = Line(new Random(8), 5000);

        var first = PrincipalComponents.Fit(points).Transform(points);
        var second = PrincipalComponents.Fit(points).Transform(points);

        second.Should().Equal(first);
    }

    [Fact]
    public void Fit_OnePoint_ThrowsNamingTheCount()
    {
        var act = () => PrincipalComponents.Fit([[1.0, 2.0]]);

        act.Should().Throw<ArgumentException>().WithMessage("*at least 2 points, got 1*");
    }

    [Fact]
    public void Fit_RaggedRows_ThrowsNamingTheRow()
    {
        var act = () => PrincipalComponents.Fit([[1.0, 2.0], [1.0]]);

        act.Should().Throw<ArgumentException>().WithMessage("point 1 has 1 values*");
    }

    [Fact]
    public void Transform_WrongLength_Throws()
    {
        var pca = PrincipalComponents.Fit(Line(new Random(1), 20));

        var act = () => pca.Transform([[1.0, 2.0]]);

        act.Should().Throw<ArgumentException>().WithMessage("point 0 has 2 values, the PCA was fitted on 4*");
    }

    private static double[][] Line(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var t = 5 * Gaussian(random);
            return Dominant.Select(d => 10 + t * d + 0.2 * Gaussian(random)).ToArray();
        }).ToArray();

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Dot(IReadOnlyList<double> a, IReadOnlyList<double> b) => a.Zip(b, (x, y) => x * y).Sum();

    private static double[] Normalise(double[] v)
    {
        var norm = Math.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
