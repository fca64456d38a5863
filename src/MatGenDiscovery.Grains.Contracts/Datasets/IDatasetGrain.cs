using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Contracts.Datasets;

/// <summary>
/// A bundled composition database (key = catalogue name: <c>mp</c>, <c>oqmd</c>, ...): its statistics, membership
/// of compositions with their property values, and the seeded leave-out split. Loaded once per activation.
/// </summary>
[GrainType("dataset")]
public interface IDatasetGrain : IGrainWithStringKey
{
    Task<DatasetSummary> GetSummaryAsync();

    /// <summary>For each formula (any notation), whether its reduced composition is in the database and with which values.</summary>
    Task<IReadOnlyList<KnownComposition>> LookupAsync(IReadOnlyList<string> formulas);

    /// <summary>
    /// Up to <paramref name="maxCount"/> distinct compositions whose <paramref name="property"/> lies in
    /// [<paramref name="min"/>, <paramref name="max"/>] (null: open side), a seeded subset in file order: the
    /// property-filtered training set of MatGAN's GAN-Bandgap.
    /// </summary>
    Task<IReadOnlyList<KnownComposition>> SelectInRangeAsync(string property, double? min, double? max, int maxCount, int seed);

    /// <summary>The held-out side of <c>DatasetSplit.LeaveOut(fraction, seed)</c>, summarised.</summary>
    Task<SplitSummary> GetSplitAsync(double fraction, int seed);
}
