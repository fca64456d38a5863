namespace MatGenDiscovery.Runtime.Activation;

/// <summary>
/// The grains waiting on the current logical call, flowing with the async context. A grain on the chain is busy
/// (non-reentrant), so calling it again from further down would wait forever.
/// </summary>
/// <remarks>
/// Work a grain starts without awaiting it (fire and forget) inherits the chain too, so a call back into that grain
/// from such work is reported as a deadlock even if the original call might have finished first. Grains should not
/// start untracked work; timers get a fresh chain.
/// </remarks>
internal static class CallChain
{
    private static readonly AsyncLocal<Frame?> Current = new();

    /// <exception cref="DeadlockException"><paramref name="target"/> is already on the chain.</exception>
    public static void ThrowIfCycle(GrainId target)
    {
        for (var frame = Current.Value; frame is not null; frame = frame.Caller)
        {
            if (frame.GrainId == target)
            {
                var chain = new List<GrainId> { target };
                for (var f = Current.Value; f is not null; f = f.Caller)
                {
                    chain.Add(f.GrainId);
                }

                chain.Reverse();
                throw new DeadlockException(chain);
            }
        }
    }

    /// <summary>Pushes <paramref name="grainId"/> for the rest of the calling async method (the caller's chain is restored when it returns).</summary>
    public static void Enter(GrainId grainId) => Current.Value = new Frame(grainId, Current.Value);

    /// <summary>Starts a fresh chain for the rest of the calling async method.</summary>
    public static void Clear() => Current.Value = null;

    private sealed record Frame(GrainId GrainId, Frame? Caller);
}
