namespace MatGenDiscovery.Models.Papers;

/// <summary>Picks the runs a figure is computed from: full runs before quick ones, then lower seeds, then name.</summary>
internal static class RunSelection
{
    public static IEnumerable<PaperRun> Ordered(IEnumerable<PaperRun> runs) =>
        runs.OrderBy(r => r.IsQuick).ThenBy(r => r.Source.Seed).ThenBy(r => r.Source.Experiment, StringComparer.Ordinal);

    /// <summary>One run per family (the preferred one), in the order of <paramref name="families"/>.</summary>
    public static IReadOnlyList<PaperRun> PerFamily(IReadOnlyList<PaperRun> runs, IReadOnlyList<string> families, Func<PaperRun, bool> usable) =>
        families.Select(f => Ordered(runs.Where(r => r.Family == f && usable(r))).FirstOrDefault())
            .OfType<PaperRun>()
            .ToArray();

    /// <summary>The preferred usable run of the first family that has one.</summary>
    public static PaperRun? First(IReadOnlyList<PaperRun> runs, IReadOnlyList<string> families, Func<PaperRun, bool> usable) =>
        PerFamily(runs, families, usable).FirstOrDefault();
}
