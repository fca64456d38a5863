using MatGenDiscovery.Models.Embedding;

namespace MatGenDiscovery.Models.Tests.Embedding;

public sealed class TSneTests
{
    private static readonly TSneOptions Fast = new() { Perplexity = 15, Iterations = 300, ExaggerationIterations = 100, Seed = 1 };

    [Fact]
    public void Embed_SeparatedGaussianClusters_KeepsNearestNeighboursInTheirCluster()
    {
        var (points, labels) = Clusters(new Random(2), clusters: 3, perCluster: 50, dimension: 10);

        var map = TSne.Embed(points, Fast);

        NeighbourPurity(map, labels, k: 5).Should().BeGreaterThan(0.97);
        ClusterSeparation(map, labels).Should().BeGreaterThan(2, "the gap between clusters exceeds their spread");
    }

    [Fact]
    public void Embed_SameSeed_GivesIdenticalCoordinates()
    {
        var (points, _) = Clusters(new Random(4), clusters: 2, perCluster: 40, dimension: 5);

        var first = TSne.Embed(points, Fast);
        var second = TSne.Embed(points, Fast);

        second.Should().Equal(first);
    }

    [Fact]
    public void Embed_DifferentSeed_GivesDifferentCoordinates()
    {
        var (points, _) = Clusters(new Random(4), clusters: 2, perCluster: 40, dimension: 5);

        var first = TSne.Embed(points, Fast);
        var second = TSne.Embed(points, Fast with { Seed = 2 });

        second.Should().NotEqual(first);
    }

    [Fact]
    public void Embed_Result_IsCentredAndFinite()
    {
        var (points, _) = Clusters(new Random(9), clusters: 2, perCluster: 30, dimension: 3);

        var map = TSne.Embed(points, Fast with { Perplexity = 10 });

        map.Should().HaveCount(60);
        map.Should().OnlyContain(p => double.IsFinite(p.X) && double.IsFinite(p.Y));
        map.Average(p => p.X).Should().BeApproximately(0, 1e-9);
        map.Average(p => p.Y).Should().BeApproximately(0, 1e-9);
    }

    [Fact]
    public void Embed_FewerPointsThanPerplexity_Throws()
    {
        var points = Enumerable.Range(0, 10).Select(i => new[] { (double)i }).ToArray();

        var act = () => TSne.Embed(points, Fast with { Perplexity = 30 });

        act.Should().Throw<ArgumentException>().WithMessage("*perplexity 30 needs more than 30 points, got 10*");
    }

    [Fact]
    public void Embed_NegativeIterations_Throws()
    {
        var act = () => TSne.Embed([[0.0], [1.0], [2.0], [3.0], [4.0]], Fast with { Perplexity = 2, Iterations = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Iterations");
    }

    /// <summary>Share of each point's k nearest 2-D neighbours that carry its label.</summary>
    private static double NeighbourPurity(EmbeddingPoint[] map, int[] labels, int k)
    {
        var same = 0;
        for (var i = 0; i < map.Length; i++)
        {
            var neighbours = Enumerable.Range(0, map.Length).Where(j => j != i)
                .OrderBy(j => Square(map[i].X - map[j].X) + Square(map[i].Y - map[j].Y)).Take(k);
            same += neighbours.Count(j => labels[j] == labels[i]);
        }

        return (double)same / (map.Length * k);
    }

    /// <summary>Smallest distance between cluster centres over the largest cluster radius (root-mean-square).</summary>
    private static double ClusterSeparation(EmbeddingPoint[] map, int[] labels)
    {
        var groups = labels.Distinct().Select(l => map.Where((_, i) => labels[i] == l).ToArray()).ToArray();
        var centres = groups.Select(g => (X: g.Average(p => p.X), Y: g.Average(p => p.Y))).ToArray();
        var radius = groups.Select((g, c) => Math.Sqrt(g.Average(p => Square(p.X - centres[c].X) + Square(p.Y - centres[c].Y)))).Max();
        var gap = double.PositiveInfinity;
        for (var a = 0; a < centres.Length; a++)
        {
            for (var b = a + 1; b < centres.Length; b++)
            {
                gap = Math.Min(gap, Math.Sqrt(Square(centres[a].X - centres[b].X) + Square(centres[a].Y - centres[b].Y)));
            }
        }

        return gap / radius;
    }

    private static (double[][] Points, int[] Labels) Clusters(Random random, int clusters, int perCluster, int dimension)
    {
        var centres = Enumerable.Range(0, clusters).Select(_ => Enumerable.Range(0, dimension).Select(_ => 20 * random.NextDouble()).ToArray()).ToArray();
        var points = new List<double[]>();
        var labels = new List<int>();
        for (var c = 0; c < clusters; c++)
        {
            for (var i = 0; i < perCluster; i++)
            {
                points.Add(centres[c].Select(x => x + Gaussian(random)).ToArray());
                labels.Add(c);
            }
        }

        return (points.ToArray(), labels.ToArray());
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Square(double x) => x * x;
}
