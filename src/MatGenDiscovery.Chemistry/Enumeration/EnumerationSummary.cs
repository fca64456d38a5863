namespace MatGenDiscovery.Chemistry.Enumeration;

/// <summary>Counts from one exhaustive enumeration; shares are fractions of <see cref="Compositions"/>.</summary>
public sealed record EnumerationSummary(
    int Arity,
    int MaxCount,
    int ElementCount,
    long Compositions,
    long ChargeNeutral,
    long ElectronegativityBalanced,
    TimeSpan Elapsed)
{
    public double ChargeNeutralShare => Compositions == 0 ? 0 : (double)ChargeNeutral / Compositions;

    public double ElectronegativityBalancedShare => Compositions == 0 ? 0 : (double)ElectronegativityBalanced / Compositions;
}
