namespace MatGenDiscovery.Runtime.Tests.TestGrains;

public interface IUnregisteredGrain : IGrainWithStringKey
{
    Task PingAsync();
}
