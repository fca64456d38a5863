namespace MatGenDiscovery.Models.Predictors;

/// <summary>Mean and standard deviation across ensemble members.</summary>
public static class EnsembleStatistics
{
    /// <summary>
    /// For member-major predictions <c>members[k·n + i]</c> (K members × n rows): mean_i = Σ_k y_ki / K and
    /// std_i = √(Σ_k (y_ki − mean_i)² / (K − 1)) (sample standard deviation; 0 for K = 1).
    /// </summary>
    /// <exception cref="ArgumentException">The lengths do not fit K × n.</exception>
    public static void Combine(ReadOnlySpan<double> members, int memberCount, Span<double> mean, Span<double> standardDeviation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memberCount, 1);
        var n = mean.Length;
        if (standardDeviation.Length != n || members.Length != memberCount * n)
        {
            throw new ArgumentException(
                $"{memberCount} members × {n} rows need {memberCount * n} predictions and {n} standard deviations; got {members.Length} and {standardDeviation.Length}.",
                nameof(members));
        }

        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var k = 0; k < memberCount; k++)
            {
                sum += members[(k * n) + i];
            }

            var average = sum / memberCount;
            var squares = 0.0;
            for (var k = 0; k < memberCount; k++)
            {
                var d = members[(k * n) + i] - average;
                squares += d * d;
            }

            mean[i] = average;
            standardDeviation[i] = memberCount > 1 ? Math.Sqrt(squares / (memberCount - 1)) : 0.0;
        }
    }
}
