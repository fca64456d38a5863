using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Exact nearest-neighbour search over compositions as atomic-fraction vectors indexed by element (all 118 elements;
/// an element absent from a composition has fraction 0), with Euclidean distance
/// d(a, b)² = |a|² + |b|² − 2 Σ_{e ∈ a ∩ b} a_e b_e. This is Sawada et al.'s distance: their element list covers every
/// element present, and elements absent from both vectors add nothing.
/// </summary>
/// <remarks>
/// An inverted index (element → compositions holding it, with fractions) gives the dot products of a query with
/// every composition sharing an element; a composition sharing none is at √(|a|² + |b|²), so the best of those is the
/// first one, in ascending |b|², that shares nothing. A query costs the postings of its elements, not the whole set.
/// </remarks>
public sealed class NearestCompositionIndex
{
    private readonly double[] _squaredNorms;
    private readonly int[] _byNorm;
    private readonly Dictionary<int, (int[] Items, double[] Fractions)> _postings;

    /// <exception cref="ArgumentException">The list is empty.</exception>
    public NearestCompositionIndex(IReadOnlyList<Composition> compositions)
    {
        if (compositions.Count == 0)
        {
            throw new ArgumentException("cannot search an empty list of compositions", nameof(compositions));
        }

        Count = compositions.Count;
        _squaredNorms = new double[Count];
        var lists = new Dictionary<int, (List<int> Items, List<double> Fractions)>();
        for (var i = 0; i < Count; i++)
        {
            var composition = compositions[i];
            var fractions = composition.Fractions;
            for (var k = 0; k < fractions.Count; k++)
            {
                var z = composition.Elements[k].AtomicNumber;
                if (!lists.TryGetValue(z, out var list))
                {
                    list = ([], []);
                    lists[z] = list;
                }

                list.Items.Add(i);
                list.Fractions.Add(fractions[k]);
                _squaredNorms[i] += fractions[k] * fractions[k];
            }
        }

        _postings = lists.ToDictionary(p => p.Key, p => (p.Value.Items.ToArray(), p.Value.Fractions.ToArray()));
        _byNorm = Enumerable.Range(0, Count).OrderBy(i => _squaredNorms[i]).ThenBy(i => i).ToArray();
    }

    public int Count { get; }

    /// <summary>The nearest composition to <paramref name="query"/>; ties go to the lower index.</summary>
    public NearestComposition Find(Composition query) => Find(query, new double[Count], new List<int>());

    /// <summary>Nearest compositions for many queries, in parallel (one scratch buffer per worker).</summary>
    public NearestComposition[] FindAll(IReadOnlyList<Composition> queries)
    {
        var results = new NearestComposition[queries.Count];
        Parallel.For(
            0,
            queries.Count,
            () => (Dots: new double[Count], Touched: new List<int>()),
            (i, _, scratch) =>
            {
                results[i] = Find(queries[i], scratch.Dots, scratch.Touched);
                return scratch;
            },
            _ => { });
        return results;
    }

    private NearestComposition Find(Composition query, double[] dots, List<int> touched)
    {
        var fractions = query.Fractions;
        var queryNorm = 0.0;
        for (var k = 0; k < fractions.Count; k++)
        {
            queryNorm += fractions[k] * fractions[k];
            if (!_postings.TryGetValue(query.Elements[k].AtomicNumber, out var posting))
            {
                continue;
            }

            for (var p = 0; p < posting.Items.Length; p++)
            {
                var item = posting.Items[p];
                if (dots[item] == 0)
                {
                    touched.Add(item);
                }

                dots[item] += fractions[k] * posting.Fractions[p];
            }
        }

        var best = -1;
        var bestSquared = double.PositiveInfinity;
        foreach (var item in touched)
        {
            var squared = queryNorm + _squaredNorms[item] - 2 * dots[item];
            if (squared < bestSquared || (squared == bestSquared && item < best))
            {
                best = item;
                bestSquared = squared;
            }
        }

        foreach (var item in _byNorm)
        {
            if (dots[item] != 0)
            {
                continue;
            }

            var squared = queryNorm + _squaredNorms[item];
            if (squared < bestSquared || (squared == bestSquared && item < best))
            {
                best = item;
                bestSquared = squared;
            }

            break;
        }

        foreach (var item in touched)
        {
            dots[item] = 0;
        }

        touched.Clear();
        return new NearestComposition(best, Math.Sqrt(Math.Max(0, bestSquared)));
    }
}
