namespace MatGenDiscovery.Runtime.Tests.TestGrains;

[GrainType("counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task SaveAsync();

    Task ReloadAsync();

    Task ClearAsync();

    Task<string?> GetETagAsync();

    /// <summary>Asks the runtime to deactivate after this call.</summary>
    Task LeaveAsync();
}
