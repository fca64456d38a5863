namespace MatGenDiscovery.Models.Evaluation;

/// <summary>Arity histogram of the distinct generated compositions beside the training set's, as shares, for every arity either has.</summary>
public static class ArityDistribution
{
    public static IReadOnlyList<ArityShare> Compute(CompositionSet generated, CompositionSet training)
    {
        var generatedCounts = Histogram(generated);
        var trainingCounts = Histogram(training);
        return generatedCounts.Keys.Union(trainingCounts.Keys)
            .Order()
            .Select(arity => new ArityShare(
                arity,
                Share(generatedCounts.GetValueOrDefault(arity), generated.Count),
                Share(trainingCounts.GetValueOrDefault(arity), training.Count)))
            .ToArray();
    }

    private static Dictionary<int, int> Histogram(CompositionSet set) =>
        set.Items.GroupBy(c => c.Arity).ToDictionary(g => g.Key, g => g.Count());

    private static double Share(int count, int total) => total == 0 ? 0 : (double)count / total;
}
