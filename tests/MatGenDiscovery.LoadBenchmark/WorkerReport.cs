namespace MatGenDiscovery.LoadBenchmark;

/// <summary>Batches a worker actually ran, counted from its <c>silo: batch …</c> lines (duplicates answered from its idempotency cache print none).</summary>
public sealed record WorkerReport(int Generate, int Validate, int ProcessId);
