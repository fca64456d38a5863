namespace MatGenDiscovery.Runtime.Tests.TestGrains;

public interface ITickingGrain : IGrainWithStringKey
{
    Task<int> GetTicksAsync();

    Task<int> GetMaxConcurrentAsync();

    Task StopTicksAsync();
}
