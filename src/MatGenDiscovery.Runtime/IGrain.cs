namespace MatGenDiscovery.Runtime;

/// <summary>
/// Marker for grain interfaces. Every method of a grain interface must return <see cref="Task"/>,
/// <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>; properties, events and
/// by-ref parameters are not allowed.
/// </summary>
/// <remarks>
/// Arguments and results are passed by reference in process (and serialised in broker mode), so they must be
/// immutable: small records of immutable values. Treating them as immutable is the caller's contract; the runtime
/// does not copy them.
/// </remarks>
public interface IGrain;
