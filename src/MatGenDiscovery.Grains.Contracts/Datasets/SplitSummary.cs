namespace MatGenDiscovery.Grains.Contracts.Datasets;

/// <param name="HeldOutDigest">Lower-case hex SHA-256 over the sorted held-out reduced formulas (one per line).</param>
public sealed record SplitSummary(string Dataset, double Fraction, int Seed, int TrainRows, int HeldOutRows, int HeldOutCompositions, string HeldOutDigest);
