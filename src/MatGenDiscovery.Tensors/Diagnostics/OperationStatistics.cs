namespace MatGenDiscovery.Tensors.Diagnostics;

/// <summary>Exclusive totals for one operation name: calls, time and bytes allocated on the profiled thread.</summary>
public sealed record OperationStatistics(string Name, int Calls, TimeSpan Time, long AllocatedBytes);
