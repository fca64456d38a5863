using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Share of distinct reduced compositions among the first n samples drawn, at n = 10³, 10⁴, … below N, and at N
/// itself (MatGAN's uniqueness as a function of the number of samples). Samples that decoded to nothing count in n
/// but are never unique.
/// </summary>
public static class UniquenessCurve
{
    /// <param name="firstCheckpoint">The smallest n (then ×10 each step); 1000 as in MatGAN.</param>
    public static IReadOnlyList<UniquenessPoint> Compute(IReadOnlyList<Composition> samples, int firstCheckpoint = 1000) =>
        Compute(GeneratedSamples.From(samples), firstCheckpoint);

    /// <summary>Uses each row's first sample index, so a compact file (counts and first indices) gives the true curve.</summary>
    public static IReadOnlyList<UniquenessPoint> Compute(GeneratedSamples samples, int firstCheckpoint = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstCheckpoint, 1);
        var firstSeen = new Dictionary<CompositionKey, int>();
        for (var row = 0; row < samples.Compositions.Count; row++)
        {
            var key = samples.Compositions[row].Key;
            var index = samples.FirstIndex(row);
            firstSeen[key] = firstSeen.TryGetValue(key, out var earlier) ? Math.Min(earlier, index) : index;
        }

        var firsts = firstSeen.Values.ToArray();
        Array.Sort(firsts);
        var drawn = samples.Drawn;
        var points = new List<UniquenessPoint>();
        for (long n = firstCheckpoint; n < drawn; n *= 10)
        {
            points.Add(new UniquenessPoint((int)n, UniqueBefore(firsts, (int)n)));
        }

        if (drawn > 0)
        {
            points.Add(new UniquenessPoint(drawn, UniqueBefore(firsts, drawn)));
        }

        return points;
    }

    /// <summary>How many sorted first indices are below n.</summary>
    private static int UniqueBefore(int[] sortedFirsts, int n)
    {
        var position = Array.BinarySearch(sortedFirsts, n);
        return position >= 0 ? LowerBound(sortedFirsts, position, n) : ~position;
    }

    private static int LowerBound(int[] sorted, int position, int n)
    {
        while (position > 0 && sorted[position - 1] == n)
        {
            position--;
        }

        return position;
    }
}
