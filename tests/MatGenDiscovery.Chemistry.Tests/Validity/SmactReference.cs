using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Chemistry.Tests.Validity;

/// <summary>
/// A literal, slow transcription of SMACT's <c>smact_validity</c>: <c>itertools.product</c> over the raw state lists,
/// <c>neutral_ratios</c> (neutral and gcd 1) and the pairwise <c>eneg_states_test</c>. The validator must agree with it.
/// </summary>
internal static class SmactReference
{
    public static bool Validity(Composition composition, OxidationStateSet set, bool usePaulingTest, bool includeAlloys, bool unreduced)
    {
        var elements = composition.Elements;
        if (elements.Count == 1)
        {
            return true;
        }

        if (includeAlloys && elements.All(element => ElementSets.SmactMetals.Contains(element)))
        {
            return true;
        }

        var stoichs = unreduced
            ? composition.Amounts.Select(amount => (int)amount).ToArray()
            : composition.ReducedCounts.ToArray();
        var lists = elements.Select(element => element.OxidationStates(set).ToArray()).ToArray();
        var electronegativities = elements.Select(element => element.PaulingElectronegativity).ToArray();
        foreach (var states in Product(lists))
        {
            var neutral = states.Zip(stoichs, (state, count) => state * count).Sum() == 0 && stoichs.Aggregate(0, Composition.Gcd) == 1;
            if (neutral && (!usePaulingTest || EnegStatesTest(states, electronegativities)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EnegStatesTest(int[] states, double?[] electronegativities)
    {
        for (var i = 0; i < states.Length; i++)
        {
            for (var j = i + 1; j < states.Length; j++)
            {
                var (ox1, eneg1, ox2, eneg2) = (states[i], electronegativities[i], states[j], electronegativities[j]);
                if (eneg1 is null || eneg2 is null
                    || (ox1 > 0 && ox2 < 0 && eneg1 >= eneg2)
                    || (ox1 < 0 && ox2 > 0 && eneg1 <= eneg2))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static IEnumerable<int[]> Product(int[][] lists)
    {
        IEnumerable<int[]> result = [[]];
        foreach (var list in lists)
        {
            var current = list;
            result = result.SelectMany(prefix => current.Select(state => prefix.Append(state).ToArray()));
        }

        return result;
    }
}
