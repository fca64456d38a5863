namespace MatGenDiscovery.Models.Featurization;

/// <summary>
/// Per-column standardisation z = (x − mean) / scale of a feature matrix, for network inputs: means and scales are
/// fitted on the finite values of the training rows (scale 1 for constant columns); non-finite inputs map to 0 (the
/// training mean) and z is clipped to ±<see cref="Clip"/> so one extreme composition cannot saturate a layer.
/// </summary>
public sealed class FeatureStandardizer
{
    public const double Clip = 10.0;

    private readonly double[] _means;
    private readonly double[] _scales;

    /// <exception cref="ArgumentException">Lengths differ, or a mean is not finite or a scale not positive and finite.</exception>
    public FeatureStandardizer(IReadOnlyList<double> means, IReadOnlyList<double> scales)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(scales);
        if (means.Count != scales.Count || means.Count == 0)
        {
            throw new ArgumentException($"Standardisation needs one mean and one scale per column; got {means.Count} means and {scales.Count} scales.", nameof(scales));
        }

        for (var j = 0; j < means.Count; j++)
        {
            if (!double.IsFinite(means[j]) || !(scales[j] > 0) || !double.IsFinite(scales[j]))
            {
                throw new ArgumentException($"Column {j} has mean {means[j]} and scale {scales[j]}; the mean must be finite and the scale positive.", nameof(scales));
            }
        }

        _means = [.. means];
        _scales = [.. scales];
    }

    public int Count => _means.Length;

    public IReadOnlyList<double> Means => _means;

    public IReadOnlyList<double> Scales => _scales;

    /// <param name="matrix">Row-major rows × <paramref name="columns"/> values.</param>
    /// <exception cref="ArgumentException">The matrix is not a whole number of rows.</exception>
    public static FeatureStandardizer Fit(ReadOnlySpan<double> matrix, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (matrix.Length % columns != 0)
        {
            throw new ArgumentException($"The matrix holds {matrix.Length} values, not a whole number of {columns}-column rows.", nameof(matrix));
        }

        var sums = new double[columns];
        var squares = new double[columns];
        var counts = new int[columns];
        for (var i = 0; i < matrix.Length; i++)
        {
            var value = matrix[i];
            if (double.IsFinite(value))
            {
                var j = i % columns;
                sums[j] += value;
                squares[j] += value * value;
                counts[j]++;
            }
        }

        var means = new double[columns];
        var scales = new double[columns];
        for (var j = 0; j < columns; j++)
        {
            means[j] = counts[j] > 0 ? sums[j] / counts[j] : 0.0;
            var variance = counts[j] > 0 ? (squares[j] / counts[j]) - (means[j] * means[j]) : 0.0;
            scales[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1.0;
        }

        return new FeatureStandardizer(means, scales);
    }

    /// <exception cref="ArgumentException">The spans are not <see cref="Count"/> long.</exception>
    public void Apply(ReadOnlySpan<double> features, Span<float> destination)
    {
        if (features.Length != Count || destination.Length != Count)
        {
            throw new ArgumentException($"Standardisation maps {Count} columns; got {features.Length} features and {destination.Length} destination values.", nameof(features));
        }

        for (var j = 0; j < features.Length; j++)
        {
            var z = (features[j] - _means[j]) / _scales[j];
            destination[j] = double.IsFinite(z) ? (float)Math.Clamp(z, -Clip, Clip) : 0f;
        }
    }
}
