namespace MatGenDiscovery.Models.Repair;

/// <summary>
/// The smallest net charge |Σ aᵢ sᵢ| over oxidation-state assignments s (one state per element) for amounts a
/// (atom counts or fractions).
/// </summary>
public static class OxidationStateSearch
{
    /// <summary>
    /// Searches every combination of states (∏ |statesᵢ| of them) by depth-first search, pruning a branch when the
    /// reachable interval of the remaining elements cannot beat the best found. Returns +∞ when an element has no state.
    /// </summary>
    public static double MinimumCharge(ReadOnlySpan<double> amounts, IReadOnlyList<IReadOnlyList<int>> states)
    {
        if (amounts.Length != states.Count)
        {
            throw new ArgumentException($"{amounts.Length} amounts but {states.Count} state lists", nameof(states));
        }

        Span<double> suffixMin = stackalloc double[amounts.Length + 1];
        Span<double> suffixMax = stackalloc double[amounts.Length + 1];
        suffixMin[amounts.Length] = suffixMax[amounts.Length] = 0;
        for (var i = amounts.Length - 1; i >= 0; i--)
        {
            if (states[i].Count == 0)
            {
                return double.PositiveInfinity;
            }

            suffixMin[i] = suffixMin[i + 1] + amounts[i] * states[i].Min();
            suffixMax[i] = suffixMax[i + 1] + amounts[i] * states[i].Max();
        }

        var best = double.PositiveInfinity;
        Search(amounts, states, suffixMin, suffixMax, 0, 0, ref best);
        return best;
    }

    /// <summary>
    /// The search of Sawada et al.'s original code: only "index-aligned" assignments (the k-th state of every element
    /// together), and only when every element has the same number of states; otherwise null (the composition is
    /// rejected). Kept to show what the full search adds.
    /// </summary>
    public static double? MinimumChargeIndexAligned(ReadOnlySpan<double> amounts, IReadOnlyList<IReadOnlyList<int>> states)
    {
        if (amounts.Length != states.Count)
        {
            throw new ArgumentException($"{amounts.Length} amounts but {states.Count} state lists", nameof(states));
        }

        var length = states.Count == 0 ? 0 : states[0].Count;
        if (length == 0 || states.Any(s => s.Count != length))
        {
            return null;
        }

        var best = double.PositiveInfinity;
        for (var k = 0; k < length; k++)
        {
            var charge = 0.0;
            for (var i = 0; i < amounts.Length; i++)
            {
                charge += amounts[i] * states[i][k];
            }

            best = Math.Min(best, Math.Abs(charge));
        }

        return best;
    }

    private static void Search(
        ReadOnlySpan<double> amounts, IReadOnlyList<IReadOnlyList<int>> states, ReadOnlySpan<double> suffixMin,
        ReadOnlySpan<double> suffixMax, int index, double partial, ref double best)
    {
        if (index == amounts.Length)
        {
            best = Math.Min(best, Math.Abs(partial));
            return;
        }

        var low = partial + suffixMin[index];
        var high = partial + suffixMax[index];
        var bound = low > 0 ? low : high < 0 ? -high : 0;
        if (bound >= best || best == 0)
        {
            return;
        }

        foreach (var state in states[index])
        {
            Search(amounts, states, suffixMin, suffixMax, index + 1, partial + amounts[index] * state, ref best);
        }
    }
}
