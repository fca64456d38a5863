namespace MatGenDiscovery.Runtime.Tests.TestGrains;

public interface IByRefGrain : IGrainWithStringKey
{
    Task SetAsync(ref int value);
}
