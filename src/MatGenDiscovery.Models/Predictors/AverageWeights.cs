namespace MatGenDiscovery.Models.Predictors;

/// <summary>
/// Chooses the weights of an <see cref="AveragedPredictor"/> on held-out rows (the validation split, never the test
/// split): the point of the simplex grid with step 1/<c>steps</c> that gives the lowest MAE of Σ w_p μ_p. Ties keep the
/// point nearest equal weights, so parts that predict alike stay equally weighted.
/// </summary>
public static class AverageWeights
{
    /// <param name="partMeans">Per part, the predicted means on the held-out rows.</param>
    /// <param name="targets">The held-out targets.</param>
    /// <param name="steps">Grid resolution: weights are multiples of 1/steps (20 → 0.05).</param>
    /// <exception cref="ArgumentException">Fewer than two parts, no rows, lengths that differ, or steps below 1.</exception>
    public static double[] Fit(IReadOnlyList<double[]> partMeans, IReadOnlyList<double> targets, int steps = 20)
    {
        ArgumentNullException.ThrowIfNull(partMeans);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (partMeans.Count < 2 || targets.Count == 0 || partMeans.Any(means => means.Length != targets.Count))
        {
            throw new ArgumentException(
                $"Weight fitting needs at least two parts with one prediction per target; got {partMeans.Count} parts of lengths [{string.Join(", ", partMeans.Select(m => m.Length))}] for {targets.Count} targets.",
                nameof(partMeans));
        }

        var parts = partMeans.Count;
        var best = (Error: double.PositiveInfinity, Distance: double.PositiveInfinity, Weights: Array.Empty<double>());
        foreach (var counts in Compositions(steps, parts))
        {
            var weights = counts.Select(count => (double)count / steps).ToArray();
            var error = MeanAbsoluteError(partMeans, weights, targets);
            var distance = weights.Sum(w => (w - (1.0 / parts)) * (w - (1.0 / parts)));
            if (error < best.Error - 1e-12 || (Math.Abs(error - best.Error) <= 1e-12 && distance < best.Distance))
            {
                best = (error, distance, weights);
            }
        }

        return best.Weights;
    }

    private static double MeanAbsoluteError(IReadOnlyList<double[]> partMeans, double[] weights, IReadOnlyList<double> targets)
    {
        var sum = 0.0;
        for (var i = 0; i < targets.Count; i++)
        {
            var prediction = 0.0;
            for (var p = 0; p < weights.Length; p++)
            {
                prediction += weights[p] * partMeans[p][i];
            }

            sum += Math.Abs(prediction - targets[i]);
        }

        return sum / targets.Count;
    }

    /// <summary>Every way to write <paramref name="total"/> as an ordered sum of <paramref name="parts"/> non-negative integers.</summary>
    private static IEnumerable<int[]> Compositions(int total, int parts)
    {
        if (parts == 1)
        {
            yield return [total];
            yield break;
        }

        for (var first = 0; first <= total; first++)
        {
            foreach (var rest in Compositions(total - first, parts - 1))
            {
                yield return [first, .. rest];
            }
        }
    }
}
