namespace MatGenDiscovery.Runtime;

/// <summary>
/// Marks a grain interface method that runs outside the turn-based mailbox: it may run while another call of the
/// same activation is in progress (e.g. a status query during a long campaign round). Such a method must only
/// read data that is safe to read concurrently, such as an immutable snapshot published by the running call.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AlwaysInterleaveAttribute : Attribute;
