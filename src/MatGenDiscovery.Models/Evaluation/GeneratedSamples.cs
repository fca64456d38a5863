using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Generated samples: one composition per row, in generation order (duplicates kept when rows are single samples),
/// the requested property target of each row (null for unconditional samples; aligned with <see cref="Compositions"/>),
/// and the rows that could not be parsed. A compact file (<c>matgen generate</c>) gives each row a
/// <see cref="Counts"/> (samples that produced it) and a <see cref="FirstIndices"/> (0-based index of its first
/// sample among all draws), plus <see cref="Undecoded"/> samples that decoded to nothing. Without them each row is
/// one sample at its row position.
/// </summary>
public sealed record GeneratedSamples(
    IReadOnlyList<Composition> Compositions,
    IReadOnlyList<double?> Targets,
    int Unparsable,
    IReadOnlyList<string> UnparsableExamples,
    IReadOnlyList<int>? Counts = null,
    IReadOnlyList<int>? FirstIndices = null,
    int Undecoded = 0)
{
    public static GeneratedSamples From(IReadOnlyList<Composition> compositions, IReadOnlyList<double?>? targets = null) =>
        new(compositions, targets ?? new double?[compositions.Count], 0, []);

    public bool HasTargets => Targets.Any(t => t is not null);

    /// <summary>Samples drawn: the sum of the row counts plus the undecoded samples.</summary>
    public int Drawn => (Counts?.Sum() ?? Compositions.Count) + Undecoded;

    public double UndecodedShare => Drawn == 0 ? 0 : (double)Undecoded / Drawn;

    /// <summary>The 0-based sample index at which row <paramref name="row"/> first appeared.</summary>
    public int FirstIndex(int row) => FirstIndices?[row] ?? row;
}
