namespace MatGenDiscovery.Runtime.Tests.TestGrains;

public interface IFlakyActivationGrain : IGrainWithStringKey
{
    Task<string> HelloAsync();
}
