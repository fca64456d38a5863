using System.Collections.Concurrent;

namespace MatGenDiscovery.Runtime.Tests.TestGrains;

/// <summary>Shared recorder that test grains report to (passed in through the registry's factory closures).</summary>
public sealed class GrainProbe
{
    private int _constructed;
    private int _activated;
    private int _inCall;
    private int _maxInCall;
    private int _inCallAcrossGrains;

    public int Constructed => Volatile.Read(ref _constructed);

    public int Activated => Volatile.Read(ref _activated);

    public int MaxInCall => Volatile.Read(ref _maxInCall);

    public ConcurrentQueue<(GrainId GrainId, DeactivationReasonCode Reason)> Deactivations { get; } = new();

    public TaskCompletionSource<GrainId> FirstDeactivation { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once two calls (on any grains) are in progress at the same time.</summary>
    public TaskCompletionSource TwoInFlight { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OnConstructed() => Interlocked.Increment(ref _constructed);

    public void OnActivated() => Interlocked.Increment(ref _activated);

    public void OnDeactivated(GrainId grainId, DeactivationReasonCode reason)
    {
        Deactivations.Enqueue((grainId, reason));
        FirstDeactivation.TrySetResult(grainId);
    }

    /// <summary>Counts a call of one activation as running; returns how many of that activation's calls are running.</summary>
    public int EnterCall()
    {
        var now = Interlocked.Increment(ref _inCall);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInCall)) && Interlocked.CompareExchange(ref _maxInCall, now, seen) != seen)
        {
        }

        return now;
    }

    public void ExitCall() => Interlocked.Decrement(ref _inCall);

    public void EnterAcrossGrains()
    {
        if (Interlocked.Increment(ref _inCallAcrossGrains) >= 2)
        {
            TwoInFlight.TrySetResult();
        }
    }

    public void ExitAcrossGrains() => Interlocked.Decrement(ref _inCallAcrossGrains);
}
