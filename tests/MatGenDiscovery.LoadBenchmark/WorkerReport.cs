namespace MatGenDiscovery.LoadBenchmark;

/// <summary>The last line a worker prints: requests it executed, by role.</summary>
public sealed record WorkerReport(int Generate, int Validate, int ProcessId);
