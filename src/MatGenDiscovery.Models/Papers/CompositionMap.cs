using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Embedding;
using MatGenDiscovery.Models.Reporting.Charts;

namespace MatGenDiscovery.Models.Papers;

/// <summary>
/// A 2-D map of labelled composition sets (MatGAN Fig. 3 and Fig. 7): each set is subsampled (seeded, without
/// replacement) to at most <see cref="PapersReportOptions.MapPointsPerSet"/>, all points are embedded together from
/// their atomic-fraction vectors, and each set becomes one scatter series.
/// </summary>
internal static class CompositionMap
{
    public static ScatterChart Draw(string title, IReadOnlyList<(string Name, IReadOnlyList<Composition> Compositions)> sets, PapersReportOptions options)
    {
        var points = Embed(sets.SelectMany(s => s.Compositions).ToArray(), options);
        var series = new List<PointSeries>();
        var offset = 0;
        foreach (var (name, compositions) in sets)
        {
            series.Add(new PointSeries($"{name} ({compositions.Count})", points.Skip(offset).Take(compositions.Count).Select(p => new ChartPoint(p.X, p.Y)).ToArray()));
            offset += compositions.Count;
        }

        var method = options.Embedding == EmbeddingMethod.TSne ? "t-SNE" : "PC";
        var unit = options.Embedding == EmbeddingMethod.TSne ? "arbitrary units" : "atomic fraction";
        return new ScatterChart(title, new ChartAxis($"{method} 1", unit, "G3"), new ChartAxis($"{method} 2", unit, "G3"), series)
        {
            Width = 720,
            Height = 520,
        };
    }

    /// <summary>Up to <paramref name="count"/> items chosen uniformly without replacement, kept in their original order.</summary>
    public static IReadOnlyList<T> Sample<T>(IReadOnlyList<T> items, int count, int seed)
    {
        if (items.Count <= count)
        {
            return items;
        }

        var random = new Random(seed);
        var indices = Enumerable.Range(0, items.Count).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, indices.Length);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        return indices[..count].Order().Select(i => items[i]).ToArray();
    }

    public static string Describe(PapersReportOptions options, int points) =>
        options.Embedding == EmbeddingMethod.TSne
            ? $"Exact t-SNE of {points} atomic-fraction vectors (perplexity {Perplexity(points):G3}, {options.TSneIterations} iterations, seed {options.Seed}); distances between clusters are not to scale."
            : $"First two principal components of {points} atomic-fraction vectors.";

    private static EmbeddingPoint[] Embed(IReadOnlyList<Composition> compositions, PapersReportOptions options)
    {
        var vectors = CompositionVectors.Fractions(compositions);
        if (options.Embedding == EmbeddingMethod.Pca || vectors.Length < 4 || vectors[0].Length < 2)
        {
            return vectors.Length < 2 || vectors[0].Length < 2
                ? vectors.Select(_ => new EmbeddingPoint(0, 0)).ToArray()
                : PrincipalComponents.Fit(vectors).Transform(vectors);
        }

        return TSne.Embed(vectors, new TSneOptions { Perplexity = Perplexity(vectors.Length), Iterations = options.TSneIterations, Seed = options.Seed });
    }

    private static double Perplexity(int points) => Math.Min(30, (points - 1) / 3.0);
}
