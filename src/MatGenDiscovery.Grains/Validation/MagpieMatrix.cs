using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Featurization;

namespace MatGenDiscovery.Grains.Validation;

/// <summary>Row-major Magpie feature matrices (n × 145).</summary>
public static class MagpieMatrix
{
    private static readonly MagpieFeaturizer Featurizer = MagpieFeaturizer.CreateDefault();

    public static int Width { get; } = MagpieFeaturizer.FeatureNames.Count;

    public static double[] Build(IReadOnlyList<Composition> compositions)
    {
        var matrix = new double[compositions.Count * Width];
        Parallel.For(0, compositions.Count, i => Featurizer.Featurize(compositions[i], matrix.AsSpan(i * Width, Width)));
        return matrix;
    }
}
