namespace MatGenDiscovery.Models.Featurization;

/// <summary>
/// matminer's <c>PropertyStats</c> with weights, reproduced for the Magpie preset. Weights need not be normalised.
/// NaN handling follows numpy: minimum/maximum/range are NaN when any value is NaN, mean and avg_dev propagate NaN,
/// mode is NaN only when a NaN value is among the most-weighted entries.
/// </summary>
internal static class PropertyStatistics
{
    /// <summary>
    /// Writes minimum, maximum, range, mean, avg_dev, mode (in that order) into <paramref name="destination"/>[0..6].
    /// </summary>
    public static void WriteSix(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double weightSum, double maxWeight, Span<double> destination)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        var weighted = 0.0;
        var anyNaN = false;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v))
            {
                anyNaN = true;
            }

            if (v < min)
            {
                min = v;
            }

            if (v > max)
            {
                max = v;
            }

            weighted += v * weights[i];
        }

        var mean = weighted / weightSum;
        var deviation = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            deviation += Math.Abs(values[i] - mean) * weights[i];
        }

        destination[0] = anyNaN ? double.NaN : min;
        destination[1] = anyNaN ? double.NaN : max;
        destination[2] = anyNaN ? double.NaN : max - min;
        destination[3] = mean;
        destination[4] = deviation / weightSum;
        destination[5] = Mode(values, weights, maxWeight);
    }

    /// <summary>The smallest value among the entries whose weight is numpy-<c>isclose</c> to the largest weight.</summary>
    public static double Mode(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double maxWeight)
    {
        var tolerance = 1e-8 + 1e-5 * Math.Abs(maxWeight);
        var mode = double.PositiveInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            if (Math.Abs(weights[i] - maxWeight) <= tolerance)
            {
                if (double.IsNaN(values[i]))
                {
                    return double.NaN;
                }

                mode = Math.Min(mode, values[i]);
            }
        }

        return mode;
    }

    public static double Mean(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double weightSum)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += values[i] * weights[i];
        }

        return sum / weightSum;
    }
}
