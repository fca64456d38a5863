namespace MatGenDiscovery.Models.Papers;

/// <summary>
/// How the report is built: the 2-D map method, how many compositions of each set (training, leave-out, generated)
/// a map samples, t-SNE iterations, the seed of sampling and t-SNE, and the runs folder as the user typed it (quoted
/// in the commands of missing figures).
/// </summary>
public sealed record PapersReportOptions
{
    public EmbeddingMethod Embedding { get; init; } = EmbeddingMethod.TSne;

    public int MapPointsPerSet { get; init; } = 500;

    public int TSneIterations { get; init; } = 750;

    public int Seed { get; init; }

    public string RunsFolder { get; init; } = "runs";
}
