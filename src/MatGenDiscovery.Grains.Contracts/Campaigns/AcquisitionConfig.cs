namespace MatGenDiscovery.Grains.Contracts.Campaigns;

/// <summary><c>ei</c> (expected improvement, exploration ξ), <c>ucb</c> (mean + κ·std), <c>greedy</c> (mean) or <c>random</c>.</summary>
public sealed record AcquisitionConfig
{
    public required string Kind { get; init; }

    public double Kappa { get; init; } = 2.0;

    public double Xi { get; init; } = 0.01;
}
