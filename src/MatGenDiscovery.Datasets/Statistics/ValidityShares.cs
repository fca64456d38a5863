namespace MatGenDiscovery.Datasets.Statistics;

/// <summary>Shares (0–1) of the unique reduced compositions that pass SMACT's tests under the named oxidation-state set.</summary>
public sealed record ValidityShares(string OxidationStateSet, double ChargeNeutral, double ElectronegativityBalanced);
