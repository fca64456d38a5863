namespace MatGenDiscovery.Models.Embedding;

/// <summary>
/// Finds, for one point, the Gaussian precision β = 1/(2σ²) whose conditional distribution
/// p(j|i) ∝ exp(−β‖xᵢ − xⱼ‖²) has entropy H = ln(perplexity) (in nats), by bisection on β.
/// </summary>
public static class PerplexityCalibration
{
    private const int MaxSteps = 200;
    private const double Tolerance = 1e-6;

    /// <summary>
    /// Writes p(j|i) into <paramref name="probabilities"/> (p(i|i) = 0, the rest sum to 1) and returns the entropy reached
    /// and the precision β. The entropy is within 1e-6 nats of ln(perplexity) unless the distances cannot reach it
    /// (e.g. all equal), in which case the closest achievable distribution is returned.
    /// </summary>
    /// <param name="squaredDistances">‖xᵢ − xⱼ‖² for every j (entry <paramref name="self"/> is ignored).</param>
    /// <exception cref="ArgumentException">Spans of different lengths, or perplexity outside (1, n − 1].</exception>
    public static (double Entropy, double Precision) Calibrate(ReadOnlySpan<double> squaredDistances, int self, double perplexity, Span<double> probabilities)
    {
        var n = squaredDistances.Length;
        if (probabilities.Length != n)
        {
            throw new ArgumentException($"probabilities has {probabilities.Length} entries for {n} distances", nameof(probabilities));
        }

        if (!(perplexity > 1) || perplexity > n - 1)
        {
            throw new ArgumentException($"perplexity {perplexity} must lie in (1, n − 1] for n = {n} points", nameof(perplexity));
        }

        var nearest = double.PositiveInfinity;
        for (var j = 0; j < n; j++)
        {
            if (j != self)
            {
                nearest = Math.Min(nearest, squaredDistances[j]);
            }
        }

        var target = Math.Log(perplexity);
        double beta = 1, low = 0, high = double.PositiveInfinity;
        var entropy = Entropy(squaredDistances, self, nearest, beta, probabilities);
        for (var step = 0; step < MaxSteps && Math.Abs(entropy - target) > Tolerance; step++)
        {
            if (entropy > target)
            {
                low = beta;
                beta = double.IsPositiveInfinity(high) ? beta * 2 : (beta + high) / 2;
            }
            else
            {
                high = beta;
                beta = (beta + low) / 2;
            }

            entropy = Entropy(squaredDistances, self, nearest, beta, probabilities);
        }

        return (entropy, beta);
    }

    /// <summary>Fills the normalised distribution for precision β and returns its entropy; distances are shifted by the nearest one for stability.</summary>
    private static double Entropy(ReadOnlySpan<double> distances, int self, double nearest, double beta, Span<double> probabilities)
    {
        var sum = 0.0;
        var weighted = 0.0;
        for (var j = 0; j < distances.Length; j++)
        {
            if (j == self)
            {
                probabilities[j] = 0;
                continue;
            }

            var shifted = distances[j] - nearest;
            var p = Math.Exp(-beta * shifted);
            probabilities[j] = p;
            sum += p;
            weighted += shifted * p;
        }

        for (var j = 0; j < probabilities.Length; j++)
        {
            probabilities[j] /= sum;
        }

        return Math.Log(sum) + beta * weighted / sum;
    }
}
