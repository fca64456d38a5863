namespace MatGenDiscovery.Runtime.Tests.TestGrains;

public sealed class RelayGrain : Grain, IRelayGrain
{
    public async Task<string> RelayAsync(string[] route)
    {
        if (route.Length == 0)
        {
            return GetPrimaryKeyString();
        }

        var next = GrainFactory.GetGrain<IRelayGrain>(route[0]);
        return GetPrimaryKeyString() + ">" + await next.RelayAsync(route[1..]);
    }
}
