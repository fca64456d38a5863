using System.Security.Cryptography;
using System.Text;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Datasets.Splitting;
using MatGenDiscovery.Datasets.Statistics;
using MatGenDiscovery.Grains.Contracts.Datasets;
using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Datasets;

public sealed class DatasetGrain(DatasetProvider datasets) : Grain, IDatasetGrain
{
    private DatasetIndex? _index;

    private DatasetIndex Index => _index ??= datasets.Get(GetPrimaryKeyString());

    public Task<DatasetSummary> GetSummaryAsync()
    {
        var stats = DatasetStatisticsCalculator.Compute(Index.Dataset, null);
        return Task.FromResult(new DatasetSummary(
            stats.Name,
            stats.Rows,
            stats.UniqueFormulas,
            stats.Elements.Count,
            stats.ArityHistogram,
            stats.Properties.ToDictionary(p => p.Key, p => new PropertyRangeSummary(p.Value.Count, p.Value.Min, p.Value.Max, p.Value.Median))));
    }

    public Task<IReadOnlyList<KnownComposition>> LookupAsync(IReadOnlyList<string> formulas)
    {
        var index = Index;
        var names = index.Dataset.PropertyNames;
        var results = new KnownComposition[formulas.Count];
        for (var i = 0; i < formulas.Count; i++)
        {
            var composition = Composition.Parse(formulas[i]);
            var values = index.Values(composition);
            var map = new Dictionary<string, double?>();
            if (values is not null)
            {
                for (var p = 0; p < names.Count; p++)
                {
                    map[names[p]] = values[p];
                }
            }

            results[i] = new KnownComposition(composition.ReducedFormula, values is not null, map);
        }

        return Task.FromResult<IReadOnlyList<KnownComposition>>(results);
    }

    public Task<IReadOnlyList<KnownComposition>> SelectInRangeAsync(string property, double? min, double? max, int maxCount, int seed)
    {
        var column = Index.Dataset.PropertyIndex(property);
        var seen = new HashSet<CompositionKey>();
        var rows = Index.Dataset.Rows
            .Where(r => r.Properties[column] is { } v && (min is null || v >= min) && (max is null || v <= max) && seen.Add(r.Composition.Key))
            .ToList();
        var indices = Enumerable.Range(0, rows.Count).ToArray();
        new Random(seed).Shuffle(indices);
        IReadOnlyList<KnownComposition> selected = indices.Take(maxCount).Order()
            .Select(i => new KnownComposition(rows[i].Composition.ReducedFormula, true, new Dictionary<string, double?> { [property] = rows[i].Properties[column] }))
            .ToList();
        return Task.FromResult(selected);
    }

    public Task<SplitSummary> GetSplitAsync(double fraction, int seed)
    {
        var split = DatasetSplit.LeaveOut(Index.Dataset, fraction, seed);
        var heldOut = split.Test.Rows.Select(r => r.Composition.ReducedFormula).Distinct().Order(StringComparer.Ordinal).ToList();
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', heldOut))));
        return Task.FromResult(new SplitSummary(
            Index.Name, fraction, seed, split.Train.Rows.Count, split.Test.Rows.Count, heldOut.Count, digest));
    }
}
