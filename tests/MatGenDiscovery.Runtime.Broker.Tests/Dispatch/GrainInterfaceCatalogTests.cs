using MatGenDiscovery.Runtime.Broker.Dispatch;
using MatGenDiscovery.Runtime.Broker.Tests.Support;

namespace MatGenDiscovery.Runtime.Broker.Tests.Dispatch;

public sealed class GrainInterfaceCatalogTests
{
    [Fact]
    public void ContentKey_SameCall_SameKey_AnyDifference_OtherKey()
    {
        var key = GrainInterfaceCatalog.ContentKey("I", "k", "M(System.Int32)", "[1]");

        GrainInterfaceCatalog.ContentKey("I", "k", "M(System.Int32)", "[1]").Should().Be(key);
        new[]
        {
            GrainInterfaceCatalog.ContentKey("I", "k", "M(System.Int32)", "[2]"),
            GrainInterfaceCatalog.ContentKey("I", "k2", "M(System.Int32)", "[1]"),
            GrainInterfaceCatalog.ContentKey("J", "k", "M(System.Int32)", "[1]"),
            GrainInterfaceCatalog.ContentKey("I", "k", "N(System.Int32)", "[1]"),
        }.Should().NotContain(key).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Add_ContentKeyedAndPlain_ReportsEachAndListsRoles()
    {
        var catalog = new GrainInterfaceCatalog().Add<IEchoGrain>("generator", contentKeyed: true).Add<ICounterGrain>("validator");

        catalog.IsContentKeyed(typeof(IEchoGrain)).Should().BeTrue();
        catalog.IsContentKeyed(typeof(ICounterGrain)).Should().BeFalse();
        catalog.Roles.Should().Equal("generator", "validator");
    }
}
