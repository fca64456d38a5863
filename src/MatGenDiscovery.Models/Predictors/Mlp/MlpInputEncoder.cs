using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Featurization;

namespace MatGenDiscovery.Models.Predictors.Mlp;

/// <summary>
/// The network input row: the element fractions of <see cref="Fractions"/>, optionally followed by the 145 Magpie
/// features standardised by <see cref="Magpie"/> (fitted on the training rows). Thread-safe; instances are immutable.
/// </summary>
public sealed class MlpInputEncoder
{
    private const int RowsPerTask = 256;

    private static readonly Lazy<MagpieFeaturizer> Featurizer = new(MagpieFeaturizer.CreateDefault);

    /// <exception cref="ArgumentException">The standardisation does not have one column per Magpie feature.</exception>
    public MlpInputEncoder(ElementFractionEncoder fractions, FeatureStandardizer? magpie = null)
    {
        ArgumentNullException.ThrowIfNull(fractions);
        if (magpie is not null && magpie.Count != MagpieFeatureNames.Count)
        {
            throw new ArgumentException($"The Magpie standardisation has {magpie.Count} columns; {MagpieFeatureNames.Count} are needed.", nameof(magpie));
        }

        Fractions = fractions;
        Magpie = magpie;
    }

    public ElementFractionEncoder Fractions { get; }

    /// <summary>Null for fraction-only inputs (ElemNet).</summary>
    public FeatureStandardizer? Magpie { get; }

    public int Count => Fractions.Count + (Magpie is null ? 0 : MagpieFeatureNames.Count);

    /// <summary><c>fractions-N-v1</c> or, with Magpie features, <c>fractions-N-magpie-145-v1</c>.</summary>
    public string FeatureSetId => Magpie is null ? FeatureSetIds.Fractions(Fractions.Elements) : FeatureSetIds.FractionsMagpie(Fractions.Elements);

    /// <summary>
    /// The encoder for a training set: elements of <paramref name="all"/> (every labelled row, so validation and test
    /// compositions encode too) and, when <paramref name="withMagpie"/>, Magpie statistics of <paramref name="training"/> only.
    /// </summary>
    public static MlpInputEncoder Fit(IEnumerable<Composition> all, IReadOnlyList<Composition> training, bool withMagpie)
    {
        ArgumentNullException.ThrowIfNull(training);
        var fractions = ElementFractionEncoder.FromCompositions(all);
        if (!withMagpie)
        {
            return new MlpInputEncoder(fractions);
        }

        var matrix = new double[training.Count * MagpieFeatureNames.Count];
        Parallel.For(0, training.Count, row => Featurizer.Value.Featurize(training[row], matrix.AsSpan(row * MagpieFeatureNames.Count, MagpieFeatureNames.Count)));
        return new MlpInputEncoder(fractions, FeatureStandardizer.Fit(matrix, MagpieFeatureNames.Count));
    }

    public string? Unsupported(Composition composition) => Fractions.Unsupported(composition);

    /// <exception cref="ArgumentException">An element outside the list, or a destination shorter than <see cref="Count"/>.</exception>
    public void Encode(Composition composition, Span<float> destination)
    {
        if (destination.Length < Count)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values; {Count} are needed.", nameof(destination));
        }

        Fractions.Encode(composition, destination);
        if (Magpie is null)
        {
            return;
        }

        Span<double> features = stackalloc double[MagpieFeatureNames.Count];
        Featurizer.Value.Featurize(composition, features);
        Magpie.Apply(features, destination.Slice(Fractions.Count, MagpieFeatureNames.Count));
    }

    /// <summary>Row-major n × <see cref="Count"/> inputs, computed in parallel.</summary>
    public float[] Encode(IReadOnlyList<Composition> compositions)
    {
        ArgumentNullException.ThrowIfNull(compositions);
        var columns = Count;
        var matrix = new float[compositions.Count * columns];
        var blocks = (compositions.Count + RowsPerTask - 1) / RowsPerTask;
        Parallel.For(0, blocks, block =>
        {
            var end = Math.Min(compositions.Count, (block + 1) * RowsPerTask);
            for (var row = block * RowsPerTask; row < end; row++)
            {
                Encode(compositions[row], matrix.AsSpan(row * columns, columns));
            }
        });
        return matrix;
    }
}
