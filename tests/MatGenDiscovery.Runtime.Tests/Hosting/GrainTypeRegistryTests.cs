using MatGenDiscovery.Runtime.Hosting;
using MatGenDiscovery.Runtime.Tests.TestGrains;

namespace MatGenDiscovery.Runtime.Tests.Hosting;

public class GrainTypeRegistryTests
{
    [GrainType("counter")]
    public interface IOtherCounterGrain : IGrainWithStringKey
    {
        Task<int> GetAsync();
    }

    [Fact]
    public void Add_RegistersTypeNames()
    {
        var registry = new GrainTypeRegistry()
            .Add<IThrowingGrain, ThrowingGrain>()
            .Add<IRelayGrain, RelayGrain>();

        registry.TypeNames.Should().BeEquivalentTo("throwing", "relay");
    }

    [Fact]
    public void Add_SameInterfaceTwice_Throws()
    {
        var registry = new GrainTypeRegistry().Add<IRelayGrain, RelayGrain>();

        var act = () => registry.Add<IRelayGrain, RelayGrain>();

        act.Should().Throw<ArgumentException>().WithMessage("*'relay'*already used*");
    }

    [Fact]
    public void Add_ClashingTypeName_ThrowsNamingBothInterfaces()
    {
        var registry = new GrainTypeRegistry().Add<ICounterGrain, CounterGrain>(_ => new CounterGrain(new GrainProbe()));

        var act = () => registry.Add<IOtherCounterGrain, OtherCounterGrain>();

        act.Should().Throw<ArgumentException>().WithMessage("*IOtherCounterGrain*ICounterGrain*");
    }

    public sealed class OtherCounterGrain : Grain, IOtherCounterGrain
    {
        public Task<int> GetAsync() => Task.FromResult(0);
    }
}
