namespace MatGenDiscovery.LoadBenchmark;

/// <summary>Requests a worker actually executed (duplicates answered from its idempotency cache are not counted).</summary>
public sealed class WorkerCounts
{
    private int _generate;
    private int _validate;

    public void AddGenerate() => Interlocked.Increment(ref _generate);

    public void AddValidate() => Interlocked.Increment(ref _validate);

    public WorkerReport Snapshot() => new(Volatile.Read(ref _generate), Volatile.Read(ref _validate), Environment.ProcessId);
}
