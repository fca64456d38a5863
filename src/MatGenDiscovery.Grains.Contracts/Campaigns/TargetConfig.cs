namespace MatGenDiscovery.Grains.Contracts.Campaigns;

/// <summary>
/// A target property. <see cref="Mode"/> <c>range</c>: hit when the true value is in [Min, Max], objective −distance
/// to the interval; <c>maximize</c>: hit when ≥ Min, objective = value; <c>minimize</c>: hit when ≤ Max, objective = −value.
/// </summary>
public sealed record TargetConfig
{
    /// <summary>Property name in the predictor's training dataset (e.g. <c>band_gap</c>, <c>formation_energy_per_atom</c>).</summary>
    public required string Property { get; init; }

    /// <summary>The same property's column in the oracle database (e.g. <c>formation_enthalpy</c> in OQMD); default <see cref="Property"/>.</summary>
    public string? OracleProperty { get; init; }

    /// <summary><c>range</c>, <c>maximize</c> or <c>minimize</c>.</summary>
    public required string Mode { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Weight of this target in the objective (positive).</summary>
    public double Weight { get; init; } = 1.0;
}
