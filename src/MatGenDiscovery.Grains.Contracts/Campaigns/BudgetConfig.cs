namespace MatGenDiscovery.Grains.Contracts.Campaigns;

public sealed record BudgetConfig
{
    public required int Rounds { get; init; }

    /// <summary>At most this many new candidates are validated and scored per round.</summary>
    public int CandidatesPerRound { get; init; } = 2000;

    /// <summary>Simulated experiments (oracle look-ups) per round: the acquisition batch size.</summary>
    public required int ExperimentsPerRound { get; init; }

    /// <summary>Stop after this many consecutive rounds without a better revealed score (null: never).</summary>
    public int? Patience { get; init; }
}
