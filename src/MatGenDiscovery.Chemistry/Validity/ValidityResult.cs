namespace MatGenDiscovery.Chemistry.Validity;

/// <summary>
/// SMACT's verdict on one composition. <see cref="ChargeNeutral"/> is <c>smact_validity(use_pauling_test=False)</c>:
/// some choice of one oxidation state per element sums to zero charge. <see cref="ElectronegativityBalanced"/> is
/// <c>smact_validity(use_pauling_test=True)</c>: some such neutral choice also puts every cation below every anion in
/// Pauling electronegativity. Balanced implies neutral.
/// </summary>
public readonly record struct ValidityResult(bool ChargeNeutral, bool ElectronegativityBalanced)
{
    /// <summary>SMACT's default verdict (<c>smact_validity</c> with the Pauling test): <see cref="ElectronegativityBalanced"/>.</summary>
    public bool Valid => ElectronegativityBalanced;
}
