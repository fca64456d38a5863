using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Validity;
using MatGenDiscovery.Datasets.Loading;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Representations;

namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>
/// Chooses the rows a model trains on: integral compositions only, one row per reduced composition (the first),
/// property ranges, SMACT validity, arity, the conditioning target present, and, for MatGAN's 85 × 8 matrix,
/// elements within the 85 and reduced counts ≤ 8. Each dropped row is counted under its first failing reason.
/// </summary>
public static class TrainingSetFilter
{
    public static (IReadOnlyList<DatasetRow> Rows, FilterReport Report) Apply(
        Dataset dataset, DataFilterConfig filter, bool countMatrixLimits, string? targetProperty)
    {
        var ranges = filter.Properties.Select(r => (Range: r, Index: dataset.PropertyIndex(r.Name))).ToArray();
        var targetIndex = targetProperty is null ? -1 : dataset.PropertyIndex(targetProperty);
        var validator = filter.ValidOnly ? new SmactValidator() : null;
        var matrix = countMatrixLimits ? new MatGanCountMatrix() : null;
        var seen = new HashSet<CompositionKey>();
        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<DatasetRow>();
        foreach (var row in dataset.Rows)
        {
            var reason = Reason(row, ranges, targetIndex, targetProperty, filter.MaxArity, validator, matrix, seen);
            if (reason is null)
            {
                kept.Add(row);
            }
            else
            {
                dropped[reason] = dropped.GetValueOrDefault(reason) + 1;
            }
        }

        return (kept, new FilterReport(dataset.Rows.Count, kept.Count, dropped));
    }

    private static string? Reason(
        DatasetRow row, (PropertyRange Range, int Index)[] ranges, int targetIndex, string? targetProperty, int? maxArity,
        SmactValidator? validator, MatGanCountMatrix? matrix, HashSet<CompositionKey> seen)
    {
        var composition = row.Composition;
        if (!composition.IsIntegral)
        {
            return "non-integral amounts";
        }

        if (targetIndex >= 0 && row.Properties[targetIndex] is null)
        {
            return $"no {targetProperty}";
        }

        foreach (var (range, index) in ranges)
        {
            if (row.Properties[index] is not { } value)
            {
                return $"no {range.Name}";
            }

            if (value < (range.Min ?? double.NegativeInfinity) || value > (range.Max ?? double.PositiveInfinity))
            {
                return $"{range.Name} outside [{range.Min?.ToString() ?? "-inf"}, {range.Max?.ToString() ?? "inf"}]";
            }
        }

        if (maxArity is { } arity && composition.Arity > arity)
        {
            return $"more than {arity} elements";
        }

        if (matrix is not null)
        {
            if (composition.Elements.Any(e => matrix.RowOf(e) < 0))
            {
                return $"element outside MatGAN's {MatGanCountMatrix.ElementCount}";
            }

            if (composition.ReducedCounts.Any(c => c > MatGanCountMatrix.MaxCount))
            {
                return $"reduced count above {MatGanCountMatrix.MaxCount}";
            }
        }

        if (validator is not null && !validator.Check(composition).ElectronegativityBalanced)
        {
            return "not SMACT-valid (smact14)";
        }

        return seen.Add(composition.Key) ? null : "duplicate composition";
    }
}
