using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>Sawada et al.'s nearest-training-composition property error for conditional generation (see <see cref="ConditionalResult"/>).</summary>
public static class ConditionalMetrics
{
    /// <param name="targets">Requested target per generated composition; samples with a null target are skipped.</param>
    /// <param name="counts">
    /// Samples behind each row (a compact generated file); with them the means are over samples, as Sawada et al.
    /// average over everything generated, and <see cref="ConditionalResult.Count"/> counts samples. Null: one per row.
    /// </param>
    /// <exception cref="ArgumentException">Lengths differ, a count is negative, or training targets are not one per training composition.</exception>
    public static ConditionalResult Compute(
        IReadOnlyList<Composition> generated, IReadOnlyList<double?> targets,
        NearestCompositionIndex trainingIndex, IReadOnlyList<double> trainingTargets, IReadOnlyList<int>? counts = null)
    {
        if (generated.Count != targets.Count)
        {
            throw new ArgumentException($"{generated.Count} generated compositions but {targets.Count} targets", nameof(targets));
        }

        if (counts is not null && (counts.Count != generated.Count || counts.Any(c => c < 0)))
        {
            throw new ArgumentException($"need one non-negative count per generated composition, got {counts.Count} for {generated.Count}", nameof(counts));
        }

        if (trainingTargets.Count != trainingIndex.Count)
        {
            throw new ArgumentException(
                $"the training index has {trainingIndex.Count} compositions but {trainingTargets.Count} targets", nameof(trainingTargets));
        }

        var queries = Enumerable.Range(0, generated.Count).Where(i => targets[i] is not null).ToArray();
        if (queries.Length == 0)
        {
            return new ConditionalResult(0, 0, 0, 0);
        }

        var nearest = NearestByDistinctComposition(queries.Select(i => generated[i]).ToArray(), trainingIndex);
        double absolute = 0, squared = 0, distance = 0, total = 0;
        for (var q = 0; q < queries.Length; q++)
        {
            double weight = counts?[queries[q]] ?? 1;
            var error = targets[queries[q]]!.Value - trainingTargets[nearest[q].Index];
            absolute += weight * Math.Abs(error);
            squared += weight * error * error;
            distance += weight * nearest[q].Distance;
            total += weight;
        }

        return total == 0
            ? new ConditionalResult(0, 0, 0, 0)
            : new ConditionalResult((int)total, absolute / total, Math.Sqrt(squared / total), distance / total);
    }

    // Generated sets repeat compositions; search each distinct one once.
    private static NearestComposition[] NearestByDistinctComposition(Composition[] queries, NearestCompositionIndex index)
    {
        var distinct = new CompositionSet(queries);
        var found = index.FindAll(distinct.Items);
        var byKey = new Dictionary<CompositionKey, NearestComposition>(distinct.Count);
        for (var i = 0; i < distinct.Count; i++)
        {
            byKey[distinct.Items[i].Key] = found[i];
        }

        return queries.Select(c => byKey[c.Key]).ToArray();
    }
}
