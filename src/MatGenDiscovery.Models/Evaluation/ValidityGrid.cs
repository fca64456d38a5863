using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Validity;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// SMACT validity of the generated set beside the training set over a grid of settings: oxidation-state sets ×
/// alloys off/on × reduced/unreduced. Shares are over distinct compositions: distinct reduced formulas in reduced mode,
/// distinct formulas as written in unreduced mode (where <c>Ti2O4</c> fails, as in SMACT's <c>neutral_ratios</c>).
/// </summary>
public static class ValidityGrid
{
    public static IReadOnlyList<string> DefaultOxidationStates { get; } = ["smact14", "icsd24"];

    public static IReadOnlyList<ValidityCell> Compute(
        IReadOnlyList<Composition> generated, IReadOnlyList<Composition> training, IReadOnlyList<string>? oxidationStates = null)
    {
        var reducedGenerated = Distinct(generated, unreduced: false);
        var reducedTraining = Distinct(training, unreduced: false);
        var unreducedGenerated = Distinct(generated, unreduced: true);
        var unreducedTraining = Distinct(training, unreduced: true);
        var cells = new List<ValidityCell>();
        foreach (var name in oxidationStates ?? DefaultOxidationStates)
        {
            var set = OxidationStateSets.Parse(name);
            foreach (var alloys in (bool[])[false, true])
            {
                foreach (var unreduced in (bool[])[false, true])
                {
                    var validator = new SmactValidator(new ValidityOptions { OxidationStates = set, IncludeAlloys = alloys, Unreduced = unreduced });
                    var (trainingNeutral, trainingBalanced) = Shares(validator, unreduced ? unreducedTraining : reducedTraining);
                    var (generatedNeutral, generatedBalanced) = Shares(validator, unreduced ? unreducedGenerated : reducedGenerated);
                    cells.Add(new ValidityCell(name, alloys, unreduced, trainingNeutral, trainingBalanced, generatedNeutral, generatedBalanced));
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// The electronegativity-balanced share of the distinct reduced compositions under the default validator (smact14,
    /// alloys off): the grid's "smact14 reduced" training share, and what checkpoint-selection probes count as valid.
    /// </summary>
    public static double BalancedShare(IReadOnlyList<Composition> compositions) =>
        Shares(new SmactValidator(), Distinct(compositions, unreduced: false)).Balanced;

    private static Composition[] Distinct(IReadOnlyList<Composition> compositions, bool unreduced) =>
        compositions.DistinctBy(c => unreduced ? c.Formula : c.ReducedFormula, StringComparer.Ordinal).ToArray();

    private static (double ChargeNeutral, double Balanced) Shares(SmactValidator validator, Composition[] compositions)
    {
        if (compositions.Length == 0)
        {
            return (0, 0);
        }

        var results = new ValidityResult[compositions.Length];
        Parallel.For(0, compositions.Length, i => results[i] = validator.Check(compositions[i]));
        return ((double)results.Count(r => r.ChargeNeutral) / results.Length, (double)results.Count(r => r.ElectronegativityBalanced) / results.Length);
    }
}
