namespace MatGenDiscovery.NeuralNetworks.Benchmarks;

/// <summary>Random stand-ins for MatGAN training data: composition matrices whose element rows are one-hot over counts.</summary>
public static class SyntheticCompositions
{
    /// <summary>
    /// [samples, elements·counts] with every element row one-hot: count 0 unless the element is present
    /// (probability <paramref name="presence"/>), then a count uniform in 1…counts−1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or presence is outside [0, 1].</exception>
    public static Tensor OneHotMatrices(Random random, int samples, int elements = 85, int counts = 8, float presence = 0.05f)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(elements);
        ArgumentOutOfRangeException.ThrowIfLessThan(counts, 2);
        if (!(presence is >= 0f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(presence), $"Presence probability must be in [0, 1], got {presence}.");
        }

        var matrices = Tensor.Zeros(samples, elements * counts);
        var data = matrices.AsSpan();
        for (var row = 0; row < samples * elements; row++)
        {
            var count = random.NextDouble() < presence ? random.Next(1, counts) : 0;
            data[row * counts + count] = 1f;
        }

        return matrices;
    }
}
