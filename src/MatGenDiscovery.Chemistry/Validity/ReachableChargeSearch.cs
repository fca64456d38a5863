using System.Buffers;

namespace MatGenDiscovery.Chemistry.Validity;

/// <summary>
/// The question <see cref="SmactValidator"/> asks, answered in time polynomial in the number of elements (the
/// depth-first search over one state per element is exponential in it, which matters from about ten elements on).
/// </summary>
/// <remarks>
/// Charge neutrality is a reachability question: is 0 among the sums Σ countᵢ·stateᵢ? The reachable partial sums are
/// tracked as a set over a bounded range, element by element. The Pauling test needs one assignment that is both
/// neutral and ordered (every cation less electronegative than every anion). Such an assignment exists exactly when,
/// for some threshold t strictly between two consecutive distinct electronegativities of the composition (or below or
/// above all of them), the elements below t take states ≥ 0 and those above t states ≤ 0 and 0 is reachable: a
/// neutral ordered assignment has such a t between its most electronegative cation and least electronegative anion,
/// and any assignment the threshold admits is ordered. So m distinct electronegativities need at most m + 1 passes.
/// </remarks>
internal static class ReachableChargeSearch
{
    /// <param name="counts">Reduced counts, one per element (all &gt; 0).</param>
    /// <param name="states">For each element its distinct oxidation states (each list non-empty).</param>
    /// <param name="electronegativity">Pauling electronegativity per element; NaN when unknown.</param>
    public static ValidityResult Check(ReadOnlySpan<int> counts, IReadOnlyList<int[]> states, ReadOnlySpan<double> electronegativity)
    {
        if (!Neutralisable(counts, states, double.NaN, electronegativity))
        {
            return new ValidityResult(ChargeNeutral: false, ElectronegativityBalanced: false);
        }

        foreach (var value in electronegativity)
        {
            if (double.IsNaN(value))
            {
                return new ValidityResult(ChargeNeutral: true, ElectronegativityBalanced: false);
            }
        }

        var distinct = electronegativity.ToArray().Distinct().Order().ToArray();
        for (var k = 0; k <= distinct.Length; k++)
        {
            var threshold = k == 0 ? double.NegativeInfinity
                : k == distinct.Length ? double.PositiveInfinity
                : (distinct[k - 1] + distinct[k]) / 2;
            if (Neutralisable(counts, states, threshold, electronegativity))
            {
                return new ValidityResult(ChargeNeutral: true, ElectronegativityBalanced: true);
            }
        }

        return new ValidityResult(ChargeNeutral: true, ElectronegativityBalanced: false);
    }

    /// <summary>
    /// Whether 0 is a reachable total charge when an element below <paramref name="threshold"/> may only take states
    /// ≥ 0 and one above it only states ≤ 0 (no restriction when the threshold is NaN).
    /// </summary>
    private static bool Neutralisable(ReadOnlySpan<int> counts, IReadOnlyList<int[]> states, double threshold, ReadOnlySpan<double> electronegativity)
    {
        var n = counts.Length;
        Span<int> low = stackalloc int[n];
        Span<int> high = stackalloc int[n];
        var bound = 0;
        for (var i = 0; i < n; i++)
        {
            low[i] = int.MaxValue;
            high[i] = int.MinValue;
            foreach (var state in states[i])
            {
                if (Allowed(state, electronegativity[i], threshold))
                {
                    low[i] = Math.Min(low[i], state);
                    high[i] = Math.Max(high[i], state);
                }
            }

            if (low[i] > high[i])
            {
                return false;
            }

            bound = checked(bound + (counts[i] * Math.Max(Math.Abs(low[i]), Math.Abs(high[i]))));
        }

        // Partial sums live in [-bound, bound]; index = sum + bound.
        var width = (2 * bound) + 1;
        var reachable = ArrayPool<bool>.Shared.Rent(width);
        var next = ArrayPool<bool>.Shared.Rent(width);
        try
        {
            Array.Clear(reachable, 0, width);
            reachable[bound] = true;
            int suffixLow = 0, suffixHigh = 0;
            for (var i = 0; i < n; i++)
            {
                suffixLow += counts[i] * low[i];
                suffixHigh += counts[i] * high[i];
            }

            for (var i = 0; i < n; i++)
            {
                // After element i, a partial sum p can still end at 0 only if -(rest's high) ≤ p ≤ -(rest's low).
                suffixLow -= counts[i] * low[i];
                suffixHigh -= counts[i] * high[i];
                var keepFrom = bound - suffixHigh;
                var keepTo = bound - suffixLow;
                Array.Clear(next, 0, width);
                var any = false;
                for (var index = 0; index < width; index++)
                {
                    if (!reachable[index])
                    {
                        continue;
                    }

                    foreach (var state in states[i])
                    {
                        var target = index + (counts[i] * state);
                        if (target >= keepFrom && target <= keepTo && Allowed(state, electronegativity[i], threshold))
                        {
                            next[target] = true;
                            any = true;
                        }
                    }
                }

                if (!any)
                {
                    return false;
                }

                (reachable, next) = (next, reachable);
            }

            return reachable[bound];
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(reachable);
            ArrayPool<bool>.Shared.Return(next);
        }
    }

    private static bool Allowed(int state, double electronegativity, double threshold) =>
        double.IsNaN(threshold) || state == 0
        || (state > 0 ? electronegativity < threshold : electronegativity > threshold);
}
