using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Validity;
using MatGenDiscovery.Datasets.Loading;

namespace MatGenDiscovery.Datasets.Statistics;

/// <summary>Computes <see cref="DatasetStatistics"/> for a loaded dataset.</summary>
public static class DatasetStatisticsCalculator
{
    /// <param name="dataset">The loaded table.</param>
    /// <param name="validator">SMACT validator applied once per unique reduced composition; null skips the validity shares.</param>
    public static DatasetStatistics Compute(Dataset dataset, SmactValidator? validator = null)
    {
        var unique = UniqueCompositions(dataset);
        var elements = new SortedSet<int>();
        var arity = new SortedDictionary<int, int>();
        var maxCount = 0;
        string? maxCountFormula = null;
        var nonIntegral = 0;
        foreach (var composition in unique)
        {
            foreach (var element in composition.Elements)
            {
                elements.Add(element.AtomicNumber);
            }

            arity[composition.Arity] = arity.GetValueOrDefault(composition.Arity) + 1;
            if (!composition.IsIntegral)
            {
                nonIntegral++;
                continue;
            }

            var largest = composition.ReducedCounts.Max();
            if (largest > maxCount)
            {
                maxCount = largest;
                maxCountFormula = composition.ReducedFormula;
            }
        }

        var properties = dataset.PropertyNames
            .Select((name, index) => (name, summary: PropertySummary.Of(
                dataset.Rows.Where(row => row.Properties[index] is not null).Select(row => row.Properties[index]!.Value))))
            .ToDictionary(pair => pair.name, pair => pair.summary);

        return new DatasetStatistics(
            dataset.Name,
            dataset.Rows.Count,
            unique.Count,
            elements.Select(z => ElementTable.Default.ByAtomicNumber(z).Symbol).ToArray(),
            arity,
            maxCount,
            maxCountFormula,
            nonIntegral,
            properties,
            validator is null ? null : Shares(unique, validator),
            dataset.Errors.Count);
    }

    private static List<Composition> UniqueCompositions(Dataset dataset)
    {
        var seen = new HashSet<CompositionKey>();
        var unique = new List<Composition>();
        foreach (var row in dataset.Rows)
        {
            if (seen.Add(row.Composition.Key))
            {
                unique.Add(row.Composition);
            }
        }

        return unique;
    }

    private static ValidityShares Shares(List<Composition> unique, SmactValidator validator)
    {
        var oxidationStateSet = OxidationStateSets.Name(validator.Options.OxidationStates);
        if (unique.Count == 0)
        {
            return new ValidityShares(oxidationStateSet, 0, 0);
        }

        var neutral = 0;
        var balanced = 0;
        var gate = new object();
        Parallel.ForEach(unique, () => (0, 0), (composition, _, local) =>
        {
            var result = validator.Check(composition);
            return (local.Item1 + (result.ChargeNeutral ? 1 : 0), local.Item2 + (result.ElectronegativityBalanced ? 1 : 0));
        }, local =>
        {
            lock (gate)
            {
                neutral += local.Item1;
                balanced += local.Item2;
            }
        });
        return new ValidityShares(oxidationStateSet, (double)neutral / unique.Count, (double)balanced / unique.Count);
    }
}
