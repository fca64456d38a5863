namespace MatGenDiscovery.Runtime;

/// <summary>
/// A call would re-enter a grain that is already waiting further up the same call chain (A → B → A). Grains are
/// not reentrant, so the call could never start; the runtime throws instead of hanging.
/// </summary>
public sealed class DeadlockException(IReadOnlyList<GrainId> callChain)
    : Exception($"Call chain {string.Join(" -> ", callChain)} would deadlock: {callChain[^1]} is busy waiting on its own outgoing call and grains are not reentrant.")
{
    /// <summary>The grains from the outermost caller to the rejected target (which also appears earlier).</summary>
    public IReadOnlyList<GrainId> CallChain { get; } = callChain;
}
