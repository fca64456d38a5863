namespace MatGenDiscovery.Grains.Contracts.Campaigns;

/// <summary>The database that plays the laboratory: a chosen candidate it holds has its true values revealed.</summary>
public sealed record OracleConfig
{
    /// <summary>Catalogued dataset the generators were not trained on (e.g. <c>oqmd</c>).</summary>
    public required string Dataset { get; init; }

    /// <summary>Datasets whose membership confirms a hit across databases (e.g. <c>icsd</c>, <c>expt-gap</c>).</summary>
    public IReadOnlyList<string> ConfirmationDatasets { get; init; } = [];
}
