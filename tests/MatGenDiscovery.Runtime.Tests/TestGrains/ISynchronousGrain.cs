namespace MatGenDiscovery.Runtime.Tests.TestGrains;

public interface ISynchronousGrain : IGrainWithStringKey
{
    Task<int> FineAsync();

    int NotATask();
}
