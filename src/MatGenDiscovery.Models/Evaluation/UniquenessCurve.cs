using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Share of distinct reduced compositions among the first n samples, at n = 10³, 10⁴, … below N, and at N itself
/// (MatGAN's uniqueness as a function of the number of samples).
/// </summary>
public static class UniquenessCurve
{
    /// <param name="firstCheckpoint">The smallest n (then ×10 each step); 1000 as in MatGAN.</param>
    public static IReadOnlyList<UniquenessPoint> Compute(IReadOnlyList<Composition> samples, int firstCheckpoint = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstCheckpoint, 1);
        var checkpoints = new List<int>();
        for (long n = firstCheckpoint; n < samples.Count; n *= 10)
        {
            checkpoints.Add((int)n);
        }

        if (samples.Count > 0)
        {
            checkpoints.Add(samples.Count);
        }

        var seen = new HashSet<CompositionKey>();
        var points = new List<UniquenessPoint>(checkpoints.Count);
        var next = 0;
        for (var i = 0; i < samples.Count; i++)
        {
            seen.Add(samples[i].Key);
            if (i + 1 == checkpoints[next])
            {
                points.Add(new UniquenessPoint(i + 1, seen.Count));
                next++;
            }
        }

        return points;
    }
}
