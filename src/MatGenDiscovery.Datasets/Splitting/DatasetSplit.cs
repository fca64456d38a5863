using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Datasets.Loading;

namespace MatGenDiscovery.Datasets.Splitting;

/// <summary>A deterministic train/held-out split of a dataset's rows.</summary>
public sealed record DatasetSplit(Dataset Train, Dataset Test)
{
    /// <summary>
    /// Holds out round(<paramref name="fraction"/> × unique reduced compositions) compositions, chosen by a seeded
    /// shuffle of the unique compositions in first-occurrence order; every row of a held-out composition goes to
    /// <see cref="Test"/>, so polymorphs never straddle the split. Row order is preserved; row errors are not carried over.
    /// Same dataset, fraction and seed ⇒ same split.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is outside [0, 1].</exception>
    public static DatasetSplit LeaveOut(Dataset dataset, double fraction, int seed)
    {
        if (!(fraction >= 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "the held-out fraction must be between 0 and 1");
        }

        var keys = new List<CompositionKey>();
        var seen = new HashSet<CompositionKey>();
        foreach (var row in dataset.Rows)
        {
            if (seen.Add(row.Composition.Key))
            {
                keys.Add(row.Composition.Key);
            }
        }

        var random = new Random(seed);
        for (var i = keys.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (keys[i], keys[j]) = (keys[j], keys[i]);
        }

        var heldOut = keys.Take((int)Math.Round(fraction * keys.Count, MidpointRounding.AwayFromZero)).ToHashSet();
        var train = new List<DatasetRow>();
        var test = new List<DatasetRow>();
        foreach (var row in dataset.Rows)
        {
            (heldOut.Contains(row.Composition.Key) ? test : train).Add(row);
        }

        return new DatasetSplit(
            dataset with { Name = dataset.Name + "/train", Rows = train, Errors = [] },
            dataset with { Name = dataset.Name + "/test", Rows = test, Errors = [] });
    }
}
