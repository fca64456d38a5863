namespace MatGenDiscovery.Runtime.Tests.TestGrains;

public interface IRelayGrain : IGrainWithStringKey
{
    /// <summary>Calls the grain keyed <c>route[0]</c> with the rest of the route; returns the keys visited.</summary>
    Task<string> RelayAsync(string[] route);
}
