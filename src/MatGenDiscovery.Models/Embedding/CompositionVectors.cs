using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Models.Embedding;

/// <summary>
/// Atomic-fraction vectors for embedding: one column per element that occurs in any of the compositions (ascending
/// atomic number), each row summing to 1.
/// </summary>
public static class CompositionVectors
{
    public static double[][] Fractions(IReadOnlyList<Composition> compositions)
    {
        var columns = compositions.SelectMany(c => c.Elements).Select(e => e.AtomicNumber).Distinct().Order()
            .Select((z, column) => (z, column)).ToDictionary(x => x.z, x => x.column);
        return compositions.Select(c => Row(c, columns)).ToArray();
    }

    private static double[] Row(Composition composition, Dictionary<int, int> columns)
    {
        var row = new double[columns.Count];
        var fractions = composition.Fractions;
        for (var k = 0; k < composition.Arity; k++)
        {
            Element element = composition.Elements[k];
            row[columns[element.AtomicNumber]] = fractions[k];
        }

        return row;
    }
}
