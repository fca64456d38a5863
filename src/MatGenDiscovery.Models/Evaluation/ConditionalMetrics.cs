using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>Sawada et al.'s nearest-training-composition property error for conditional generation (see <see cref="ConditionalResult"/>).</summary>
public static class ConditionalMetrics
{
    /// <param name="targets">Requested target per generated composition; samples with a null target are skipped.</param>
    /// <exception cref="ArgumentException">Lengths differ, or training targets are not one per training composition.</exception>
    public static ConditionalResult Compute(
        IReadOnlyList<Composition> generated, IReadOnlyList<double?> targets,
        NearestCompositionIndex trainingIndex, IReadOnlyList<double> trainingTargets)
    {
        if (generated.Count != targets.Count)
        {
            throw new ArgumentException($"{generated.Count} generated compositions but {targets.Count} targets", nameof(targets));
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
        double absolute = 0, squared = 0, distance = 0;
        for (var q = 0; q < queries.Length; q++)
        {
            var error = targets[queries[q]]!.Value - trainingTargets[nearest[q].Index];
            absolute += Math.Abs(error);
            squared += error * error;
            distance += nearest[q].Distance;
        }

        return new ConditionalResult(queries.Length, absolute / queries.Length, Math.Sqrt(squared / queries.Length), distance / queries.Length);
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
