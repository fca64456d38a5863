namespace MatGenDiscovery.Runtime.Tests.TestGrains;

public interface IPropertyGrain : IGrainWithStringKey
{
    Task<int> Value { get; }
}
