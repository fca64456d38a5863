namespace MatGenDiscovery.Runtime.Tests.TestGrains;

public interface ISlowGrain : IGrainWithStringKey
{
    /// <summary>Awaits <paramref name="delay"/> while counted as in a call; returns the in-call count seen on entry.</summary>
    Task<int> WorkAsync(TimeSpan delay);

    /// <summary>Waits (up to a timeout) until some other grain is in a call at the same time.</summary>
    Task<bool> MeetAsync();

    [AlwaysInterleave]
    Task<int> PeekInCallAsync();
}
