namespace MatGenDiscovery.LoadBenchmark;

/// <param name="Candidates">Samples to draw in total (the last batch may be smaller).</param>
/// <param name="InFlight">Batches in flight at once; each has at most one request queued or running (two while a duplicate is re-sent), which bounds the broker queues.</param>
/// <param name="DuplicateEvery">Re-send the validation request of every n-th batch with the same idempotency key and merge its answer again (0: never), to check that re-delivery is not double counted.</param>
public sealed record LoadSettings(
    int Candidates,
    int BatchSize,
    int Workers,
    int InFlight,
    int Prefetch,
    int Seed,
    int DuplicateEvery,
    string DataFolder)
{
    /// <exception cref="ArgumentException">A value is out of range; the message names the option.</exception>
    public void Validate()
    {
        Require(Candidates >= 1, $"--candidates must be at least 1 (got {Candidates}).");
        Require(BatchSize is >= 1 and <= 100_000, $"--batch-size must be between 1 and 100000 (got {BatchSize}).");
        Require(Workers is >= 1 and <= 16, $"--workers must be between 1 and 16 (got {Workers}).");
        Require(InFlight is >= 1 and <= 256, $"--in-flight must be between 1 and 256 (got {InFlight}).");
        Require(Prefetch is >= 1 and <= 64, $"--prefetch must be between 1 and 64 (got {Prefetch}).");
        Require(DuplicateEvery >= 0, $"--duplicate-every must be 0 or more (got {DuplicateEvery}).");
        Require(Directory.Exists(DataFolder), $"--data '{DataFolder}' is not a folder.");
    }

    public int Batches => (int)((Candidates + (long)BatchSize - 1) / BatchSize);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
