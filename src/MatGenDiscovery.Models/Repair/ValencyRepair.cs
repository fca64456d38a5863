using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Models.Repair;

/// <summary>
/// Sawada et al. §4 valency repair, extended: Metropolis–Hastings on the atomic fractions x towards
/// π(x) = max_s exp(−(v_s·x)²), where v_s holds the oxidation states of the composition's elements under assignment s,
/// with every combination of states searched (the original pairs only index-aligned states and rejects elements with
/// different numbers of states). Gaussian random-walk proposals (|x + σε|, renormalised) run in several chains in
/// lock-step until one is within the neutral tolerance; the result is then snapped to a charge-neutral integer formula
/// with at most <see cref="ValencyRepairOptions.MaxAtoms"/> atoms, searched around the chain's end and around the input
/// and chosen nearest to the input (Euclidean distance between fraction vectors). Elements are never added or dropped. Deterministic for a given <see cref="Random"/> state.
/// </summary>
public static class ValencyRepair
{
    private const double MinimumFraction = 1e-6;

    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public static RepairResult Repair(Composition composition, ValencyRepairOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(composition);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();
        var states = composition.Elements.Select(e => e.OxidationStates(options.OxidationStates)).ToArray();
        var before = ValenceError(composition.Amounts.ToArray(), states, options);
        if (composition.Arity == 1 || before is null || before == 0)
        {
            return new RepairResult(composition, composition, 0, composition.Arity == 1 ? 0 : before, composition.Arity == 1 ? 0 : before);
        }

        var start = composition.Fractions.ToArray();
        var (walked, steps) = Walk(start, states, options, random);
        var counts = Snap([walked, start], start, states, options);
        if (counts is null)
        {
            return new RepairResult(composition, composition, steps, before, before);
        }

        var repaired = Composition.FromCounts(composition.Elements.Select((e, i) => (e, counts[i])));
        return new RepairResult(composition, repaired, steps, before, 0);
    }

    /// <summary>Repairs many compositions in parallel; item i draws from <c>new Random(seed + i)</c>, so results do not depend on threading.</summary>
    public static RepairResult[] RepairAll(IReadOnlyList<Composition> compositions, ValencyRepairOptions options, int seed)
    {
        options.Validate();
        var results = new RepairResult[compositions.Count];
        Parallel.For(0, compositions.Count, i => results[i] = Repair(compositions[i], options, new Random(unchecked(seed + i))));
        return results;
    }

    /// <summary>
    /// Whether some positive integer counts of these elements are charge-neutral under the oxidation-state set (every
    /// combination): a single element, every element able to take state 0, or two different elements that can take
    /// opposite signs. Compositions of only cation-like elements (e.g. intermetallics under smact14) cannot be repaired.
    /// </summary>
    public static bool CanBeNeutral(Composition composition, OxidationStateSet oxidationStates)
    {
        var states = composition.Elements.Select(e => e.OxidationStates(oxidationStates)).ToArray();
        if (states.Length == 1 || states.All(s => s.Contains(0)))
        {
            return true;
        }

        for (var i = 0; i < states.Length; i++)
        {
            for (var j = 0; j < states.Length; j++)
            {
                if (i != j && states[i].Any(s => s < 0) && states[j].Any(s => s > 0))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>min_s |Σ aᵢ sᵢ| / Σ aᵢ under the options' search; null when no assignment exists.</summary>
    public static double? ValenceError(double[] amounts, IReadOnlyList<IReadOnlyList<int>> states, ValencyRepairOptions options)
    {
        var charge = options.EveryCombination
            ? OxidationStateSearch.MinimumCharge(amounts, states)
            : OxidationStateSearch.MinimumChargeIndexAligned(amounts, states) ?? double.PositiveInfinity;
        return double.IsFinite(charge) ? charge / amounts.Sum() : null;
    }

    private static (double[] Fractions, int Steps) Walk(
        double[] start, IReadOnlyList<IReadOnlyList<int>> states, ValencyRepairOptions options, Random random)
    {
        var chains = new double[options.Chains][];
        var logDensity = new double[options.Chains];
        var charge = new double[options.Chains];
        for (var c = 0; c < chains.Length; c++)
        {
            chains[c] = (double[])start.Clone();
            charge[c] = ValenceError(chains[c], states, options)!.Value;
            logDensity[c] = -options.InverseTemperature * charge[c] * charge[c];
        }

        var proposal = new double[start.Length];
        for (var step = 1; step <= options.MaxSteps; step++)
        {
            for (var c = 0; c < chains.Length; c++)
            {
                Propose(chains[c], proposal, options.StepSize, random);
                var proposedCharge = ValenceError(proposal, states, options)!.Value;
                var proposedLog = -options.InverseTemperature * proposedCharge * proposedCharge;
                if (Math.Log(1 - random.NextDouble()) < proposedLog - logDensity[c])
                {
                    proposal.CopyTo(chains[c], 0);
                    charge[c] = proposedCharge;
                    logDensity[c] = proposedLog;
                }
            }

            var best = ArgMin(charge);
            if (charge[best] <= options.NeutralTolerance)
            {
                return (chains[best], step);
            }
        }

        return (chains[ArgMin(charge)], options.MaxSteps);
    }

    private static void Propose(double[] current, double[] proposal, double stepSize, Random random)
    {
        var total = 0.0;
        for (var i = 0; i < current.Length; i++)
        {
            proposal[i] = Math.Max(MinimumFraction, Math.Abs(current[i] + stepSize * Gaussian(random)));
            total += proposal[i];
        }

        for (var i = 0; i < proposal.Length; i++)
        {
            proposal[i] /= total;
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int ArgMin(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Among neutral integer counts (each ≥ 1, total ≤ MaxAtoms) near any of the <paramref name="centres"/> (for each
    /// total T, counts range over a window around T·xᵢ), those whose fractions are nearest to <paramref name="target"/>.
    /// Searching around the chain's end and the input, and measuring distance to the input, keeps the repair as small
    /// as the search allows. Ties keep the earlier candidate (smaller total). Null when none is neutral.
    /// </summary>
    private static int[]? Snap(double[][] centres, double[] target, IReadOnlyList<IReadOnlyList<int>> states, ValencyRepairOptions options)
    {
        var arity = target.Length;
        var window = arity <= 4 ? 2 : arity <= 6 ? 1 : 0;
        int[]? best = null;
        var bestDistance = double.PositiveInfinity;
        var counts = new int[arity];
        var amounts = new double[arity];
        var low = new int[arity];
        var high = new int[arity];
        foreach (var centre in centres)
        {
            for (var total = arity; total <= options.MaxAtoms; total++)
            {
                for (var i = 0; i < arity; i++)
                {
                    low[i] = Math.Max(1, (int)Math.Floor(centre[i] * total) - window);
                    high[i] = Math.Min(total - arity + 1, (int)Math.Ceiling(centre[i] * total) + window);
                }

                Enumerate(0, total, total);
            }
        }

        return best;

        void Enumerate(int index, int remaining, int total)
        {
            if (index == arity - 1)
            {
                if (remaining >= low[index] && remaining <= high[index])
                {
                    counts[index] = remaining;
                    Consider(total);
                }

                return;
            }

            for (var n = low[index]; n <= high[index] && n <= remaining - (arity - index - 1); n++)
            {
                counts[index] = n;
                Enumerate(index + 1, remaining - n, total);
            }
        }

        void Consider(int total)
        {
            var distance = 0.0;
            for (var i = 0; i < arity; i++)
            {
                var d = (double)counts[i] / total - target[i];
                distance += d * d;
                amounts[i] = counts[i];
            }

            if (distance < bestDistance - 1e-12 && ValenceError(amounts, states, options) == 0)
            {
                bestDistance = distance;
                best = (int[])counts.Clone();
            }
        }
    }
}
