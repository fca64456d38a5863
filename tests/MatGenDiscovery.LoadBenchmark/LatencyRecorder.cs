namespace MatGenDiscovery.LoadBenchmark;

/// <summary>Collects per-batch latencies (one double per batch) and reports nearest-rank percentiles. Thread-safe.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = [];

    public int Count
    {
        get
        {
            lock (_milliseconds)
            {
                return _milliseconds.Count;
            }
        }
    }

    public void Add(TimeSpan latency)
    {
        lock (_milliseconds)
        {
            _milliseconds.Add(latency.TotalMilliseconds);
        }
    }

    /// <summary>Nearest-rank percentile: the smallest recorded value with at least <paramref name="percent"/> % of values at or below it.</summary>
    /// <exception cref="InvalidOperationException">Nothing was recorded.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not in (0, 100].</exception>
    public double Percentile(double percent)
    {
        if (!(percent > 0 && percent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "The percentile must be in (0, 100].");
        }

        double[] sorted;
        lock (_milliseconds)
        {
            sorted = _milliseconds.Order().ToArray();
        }

        if (sorted.Length == 0)
        {
            throw new InvalidOperationException("No latency was recorded.");
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
