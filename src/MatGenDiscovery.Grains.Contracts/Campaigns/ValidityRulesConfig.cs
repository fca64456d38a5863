namespace MatGenDiscovery.Grains.Contracts.Campaigns;

/// <summary>SMACT validity rules: which oxidation-state set, and which of the two tests must pass.</summary>
public sealed record ValidityRulesConfig
{
    /// <summary>Oxidation-state set name (<c>smact14</c>, <c>icsd16</c>, <c>icsd24</c>, <c>pymatgen</c>, ...).</summary>
    public string OxidationStates { get; init; } = "smact14";

    public bool RequireChargeNeutral { get; init; } = true;

    /// <summary>Pauling test: every cation less electronegative than every anion (SMACT's default verdict).</summary>
    public bool RequireElectronegativityBalance { get; init; } = true;

    /// <summary>Treat all-metal compositions as valid alloys.</summary>
    public bool IncludeAlloys { get; init; }
}
