namespace MatGenDiscovery.Grains.Contracts.Campaigns;

/// <summary>Filters every candidate must pass before it is scored.</summary>
public sealed record ConstraintConfig
{
    /// <summary>Element symbols every candidate must contain (all of them).</summary>
    public IReadOnlyList<string> RequiredElements { get; init; } = [];

    /// <summary>Element symbols no candidate may contain.</summary>
    public IReadOnlyList<string> ForbiddenElements { get; init; } = [];

    /// <summary>Largest number of distinct elements.</summary>
    public int MaxArity { get; init; } = 8;

    public ValidityRulesConfig Validity { get; init; } = new();

    /// <summary>Optional path of a trained count-matrix autoencoder checkpoint; candidates it cannot reconstruct are rejected.</summary>
    public string? AutoencoderCheckpoint { get; init; }
}
