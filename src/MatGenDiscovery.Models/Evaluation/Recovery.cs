namespace MatGenDiscovery.Models.Evaluation;

/// <summary>Recovery: the share of a reference set's distinct reduced compositions that appear among the generated ones.</summary>
public static class Recovery
{
    public static SetRecovery Compute(CompositionSet reference, CompositionSet generated)
    {
        var byArity = reference.Items
            .GroupBy(c => c.Arity)
            .OrderBy(g => g.Key)
            .Select(g => new ArityRecovery(g.Key, g.Count(), g.Count(generated.Contains)))
            .ToArray();
        return new SetRecovery(reference.Count, byArity.Sum(a => a.Recovered), byArity);
    }

    public static RecoveryResult Compute(CompositionSet training, CompositionSet leaveOut, CompositionSet generated) =>
        new(Compute(training, generated), Compute(leaveOut, generated));
}
