namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// SMACT validity shares of the distinct training and generated compositions under one setting: an oxidation-state set
/// name (<c>smact14</c>, <c>icsd24</c>), alloys counted valid or not, and reduced or unreduced (as-written) counts.
/// "Balanced" is charge-neutral and electronegativity-balanced (SMACT's default verdict).
/// </summary>
public sealed record ValidityCell(
    string OxidationStates,
    bool Alloys,
    bool Unreduced,
    double TrainingChargeNeutral,
    double TrainingBalanced,
    double GeneratedChargeNeutral,
    double GeneratedBalanced)
{
    /// <summary>A short label such as <c>smact14 reduced</c> or <c>icsd24 +alloys unreduced</c>.</summary>
    public string Label => $"{OxidationStates}{(Alloys ? " +alloys" : "")} {(Unreduced ? "unreduced" : "reduced")}";
}
