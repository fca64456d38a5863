using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Repair;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>Repairs generated samples with <see cref="ValencyRepair"/> and summarises the effect (see <see cref="RepairSummary"/>).</summary>
public static class RepairEvaluation
{
    public static RepairSummary Compute(
        IReadOnlyList<Composition> samples, IReadOnlyList<double?> targets, ValencyRepairOptions options, int seed,
        NearestCompositionIndex? trainingIndex, IReadOnlyList<double> trainingTargets, int maxExamples = 10)
    {
        var results = ValencyRepair.RepairAll(samples, options, seed);
        var scored = results.Where(r => r.ValenceErrorBefore is not null).ToArray();
        ConditionalResult? before = null, after = null;
        if (trainingIndex is not null && trainingTargets.Count == trainingIndex.Count && targets.Any(t => t is not null))
        {
            before = ConditionalMetrics.Compute(samples, targets, trainingIndex, trainingTargets);
            after = ConditionalMetrics.Compute(results.Select(r => r.Repaired).ToArray(), targets, trainingIndex, trainingTargets);
        }

        return new RepairSummary(
            results.Length,
            scored.Length,
            samples.Count(c => !ValencyRepair.CanBeNeutral(c, options.OxidationStates)),
            Mean(scored.Select(r => r.ValenceErrorBefore!.Value)),
            Mean(scored.Select(r => r.ValenceErrorAfter!.Value)),
            Share(results.Count(r => r.ValenceErrorBefore == 0), results.Length),
            Share(results.Count(r => r.Neutral), results.Length),
            Mean(results.Select(r => (double)r.Steps)),
            before,
            after,
            results.Where(r => r.Changed).Take(maxExamples)
                .Select(r => new RepairExample(r.Original.Formula, r.Repaired.Formula, r.ValenceErrorBefore, r.ValenceErrorAfter))
                .ToArray());
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToArray();
        return list.Length == 0 ? 0 : list.Average();
    }

    private static double Share(int count, int total) => total == 0 ? 0 : (double)count / total;
}
