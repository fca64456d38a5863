namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>How many rows a training-set filter read, kept, and dropped for each reason (first failing reason only).</summary>
public sealed record FilterReport(int Read, int Kept, IReadOnlyDictionary<string, int> Dropped)
{
    public override string ToString() =>
        Dropped.Count == 0
            ? $"read {Read} rows, kept {Kept}"
            : $"read {Read} rows, kept {Kept}, dropped {string.Join("; ", Dropped.Select(d => $"{d.Value} {d.Key}"))}";
}
