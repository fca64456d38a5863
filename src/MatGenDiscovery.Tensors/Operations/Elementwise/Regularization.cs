namespace MatGenDiscovery.Tensors.Operations.Elementwise;

public static class Regularization
{
    /// <summary>
    /// Inverted dropout: in training, zeroes each element with probability <paramref name="p"/> and scales
    /// survivors by 1/(1−p); otherwise returns x unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1).</exception>
    public static Tensor Dropout(this Tensor x, float p, bool training, Random random)
    {
        if (!(p >= 0f && p < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(p), $"Dropout probability must be in [0, 1), got {p}.");
        }

        ArgumentNullException.ThrowIfNull(random);
        if (!training || p == 0f)
        {
            return x;
        }

        var mask = Tensor.Zeros(x.ShapeArray);
        var data = mask.AsSpan();
        var scale = 1f / (1f - p);
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.NextDouble() >= p ? scale : 0f;
        }

        return x * mask;
    }
}
