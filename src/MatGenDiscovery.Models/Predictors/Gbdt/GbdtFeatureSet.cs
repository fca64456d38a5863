using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Models.Featurization;

namespace MatGenDiscovery.Models.Predictors.Gbdt;

/// <summary>
/// The feature vector a GBDT predictor sees: the 145 Magpie features (<c>magpie</c>), optionally followed by the atomic
/// fraction of each element Z = 1 … <see cref="FractionElementCount"/> (<c>magpie-fractions</c>, 239 columns), which
/// lets trees split on single elements. Featurisation of many compositions runs in parallel; instances are immutable.
/// </summary>
public sealed class GbdtFeatureSet
{
    /// <summary>Fraction columns cover H … Pu; heavier elements still enter the Magpie statistics.</summary>
    public const int FractionElementCount = 94;

    private const int RowsPerTask = 256;

    private static readonly Lazy<GbdtFeatureSet> LazyMagpie = new(() => new("magpie", FeatureSetIds.Magpie, fractions: false));
    private static readonly Lazy<GbdtFeatureSet> LazyMagpieFractions = new(() => new("magpie-fractions", FeatureSetIds.MagpieFractions, fractions: true));

    private readonly MagpieFeaturizer _featurizer = MagpieFeaturizer.CreateDefault();
    private readonly bool _fractions;

    private GbdtFeatureSet(string shortName, string id, bool fractions)
    {
        ShortName = shortName;
        Id = id;
        _fractions = fractions;
        Names = fractions
            ? [.. MagpieFeatureNames.All, .. Enumerable.Range(1, FractionElementCount).Select(z => "fraction " + ElementTable.Default.ByAtomicNumber(z).Symbol)]
            : [.. MagpieFeatureNames.All];
    }

    public static GbdtFeatureSet Magpie => LazyMagpie.Value;

    public static GbdtFeatureSet MagpieFractions => LazyMagpieFractions.Value;

    public static IReadOnlyList<GbdtFeatureSet> All => [Magpie, MagpieFractions];

    /// <summary>CLI name: <c>magpie</c> or <c>magpie-fractions</c>.</summary>
    public string ShortName { get; }

    /// <summary>Saved-model identifier (<see cref="FeatureSetIds"/>).</summary>
    public string Id { get; }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>The set with this id or short name, or null.</summary>
    public static GbdtFeatureSet? Find(string idOrShortName) =>
        All.FirstOrDefault(set => string.Equals(set.Id, idOrShortName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(set.ShortName, idOrShortName, StringComparison.OrdinalIgnoreCase));

    public void Featurize(Composition composition, Span<double> destination)
    {
        _featurizer.Featurize(composition, destination);
        if (!_fractions)
        {
            return;
        }

        var fractions = destination.Slice(MagpieFeatureNames.Count, FractionElementCount);
        fractions.Clear();
        var elements = composition.Elements;
        var amounts = composition.Amounts;
        var total = composition.TotalAtoms;
        for (var i = 0; i < elements.Count; i++)
        {
            var z = elements[i].AtomicNumber;
            if (z <= FractionElementCount)
            {
                fractions[z - 1] = amounts[i] / total;
            }
        }
    }

    /// <summary>Row-major n × <see cref="Count"/> matrix, computed in parallel.</summary>
    public double[] Featurize(IReadOnlyList<Composition> compositions)
    {
        ArgumentNullException.ThrowIfNull(compositions);
        var columns = Count;
        var matrix = new double[compositions.Count * columns];
        var blocks = (compositions.Count + RowsPerTask - 1) / RowsPerTask;
        Parallel.For(0, blocks, block =>
        {
            var end = Math.Min(compositions.Count, (block + 1) * RowsPerTask);
            for (var row = block * RowsPerTask; row < end; row++)
            {
                Featurize(compositions[row], matrix.AsSpan(row * columns, columns));
            }
        });
        return matrix;
    }
}
