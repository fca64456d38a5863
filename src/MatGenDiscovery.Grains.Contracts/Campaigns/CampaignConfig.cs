namespace MatGenDiscovery.Grains.Contracts.Campaigns;

/// <summary>
/// One discovery campaign, as stored in <c>experiments/campaign-*.json</c> (strict snake_case JSON). With the same
/// config (seed included) and code, a campaign replays exactly.
/// </summary>
public sealed record CampaignConfig
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required int Seed { get; init; }

    /// <summary>Catalogued dataset the generators were trained on; novelty is measured against it.</summary>
    public required string TrainingDataset { get; init; }

    /// <summary>One or more targets; the objective is their weighted sum.</summary>
    public required IReadOnlyList<TargetConfig> Targets { get; init; }

    public ConstraintConfig Constraints { get; init; } = new();

    public required IReadOnlyList<GeneratorConfig> Generators { get; init; }

    /// <summary>One predictor per target property.</summary>
    public required IReadOnlyList<PredictorConfig> Predictors { get; init; }

    public required BudgetConfig Budget { get; init; }

    public required AcquisitionConfig Acquisition { get; init; }

    public required OracleConfig Oracle { get; init; }
}
