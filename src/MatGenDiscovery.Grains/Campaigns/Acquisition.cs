namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>
/// Acquisition functions over predicted objective means μ and standard deviations σ (higher objective is better):
/// <list type="bullet">
/// <item><c>greedy</c>: μ.</item>
/// <item><c>ucb</c>: μ + κσ.</item>
/// <item><c>ei</c>: expected improvement over the incumbent f*: with d = μ − f* − ξ and z = d/σ,
/// EI = d·Φ(z) + σ·φ(z); for σ = 0, max(d, 0).</item>
/// <item><c>random</c>: a seeded uniform score (the baseline).</item>
/// </list>
/// </summary>
public static class Acquisition
{
    public static double[] Score(string kind, IReadOnlyList<double> mean, IReadOnlyList<double> std, double incumbent, double kappa, double xi, Random random) => kind switch
    {
        "greedy" => [.. mean],
        "ucb" => mean.Select((m, i) => m + kappa * std[i]).ToArray(),
        "ei" => mean.Select((m, i) => ExpectedImprovement(m, std[i], incumbent, xi)).ToArray(),
        "random" => mean.Select(_ => random.NextDouble()).ToArray(),
        _ => throw new ArgumentException($"unknown acquisition '{kind}'; expected ei, ucb, greedy or random", nameof(kind)),
    };

    public static double ExpectedImprovement(double mean, double std, double incumbent, double xi)
    {
        var d = mean - incumbent - xi;
        if (std <= 0)
        {
            return Math.Max(d, 0);
        }

        var z = d / std;
        return d * NormalCdf(z) + std * NormalPdf(z);
    }

    /// <summary>Indices of the <paramref name="count"/> highest scores, best first; ties broken by <paramref name="tieBreak"/> (ordinal).</summary>
    public static int[] Top(IReadOnlyList<double> scores, int count, IReadOnlyList<string> tieBreak) =>
        Enumerable.Range(0, scores.Count)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => tieBreak[i], StringComparer.Ordinal)
            .Take(count)
            .ToArray();

    public static double NormalPdf(double z) => Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);

    /// <summary>Φ(z) = erfc(−z/√2)/2.</summary>
    public static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>Complementary error function (Numerical Recipes' Chebyshev fit, |ε| &lt; 1.2e-7).</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
