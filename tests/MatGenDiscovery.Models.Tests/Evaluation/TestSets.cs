using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Evaluation;

namespace MatGenDiscovery.Models.Tests.Evaluation;

internal static class TestSets
{
    public static Composition[] Parse(params string[] formulas) => formulas.Select(Composition.Parse).ToArray();

    public static CompositionSet Set(params string[] formulas) => new(Parse(formulas));
}
