using MatGenDiscovery.Runtime.Broker.Dispatch;
using MatGenDiscovery.Runtime.Broker.Tests.Support;

namespace MatGenDiscovery.Runtime.Broker.Tests.Dispatch;

public sealed class GrainCallSerializerTests
{
    private static readonly System.Reflection.MethodInfo Double = typeof(IEchoGrain).GetMethod(nameof(IEchoGrain.DoubleAsync))!;

    [Fact]
    public void Arguments_RoundTripByDeclaredParameterTypes()
    {
        var json = GrainCallSerializer.SerializeArguments(Double, [21]);

        json.Should().Be("[21]");
        GrainCallSerializer.DeserializeArguments(Double, json).Should().Equal(21);
    }

    [Fact]
    public void DeserializeArguments_WrongCount_ThrowsNamingMethod()
    {
        var act = () => GrainCallSerializer.DeserializeArguments(Double, "[1,2]");

        act.Should().Throw<System.Text.Json.JsonException>().WithMessage("*DoubleAsync*1 elements*");
    }

    [Fact]
    public void Result_RoundTripsTaskOfT_AndIsNullForPlainTask()
    {
        var fail = typeof(IEchoGrain).GetMethod(nameof(IEchoGrain.FailAsync))!;

        GrainCallSerializer.DeserializeResult(Double, GrainCallSerializer.SerializeResult(Double, "a:2")).Should().Be("a:2");
        GrainCallSerializer.SerializeResult(fail, null).Should().BeNull();
    }

    [Fact]
    public void Signature_IncludesParameterTypes()
    {
        GrainMethodSignature.Of(Double).Should().Be("DoubleAsync(System.Int32)");
    }

    [Fact]
    public void Catalog_UnknownInterfaceOrMethod_ThrowsNamingIt()
    {
        var catalog = new GrainInterfaceCatalog().Add<IEchoGrain>("generator");

        catalog.Resolve(typeof(IEchoGrain).FullName!, "DoubleAsync(System.Int32)").Method.Should().BeSameAs(Double);
        FluentActions.Invoking(() => catalog.Resolve("System.IO.File", "Delete(System.String)")).Should().Throw<KeyNotFoundException>().WithMessage("*System.IO.File*");
        FluentActions.Invoking(() => catalog.Resolve(typeof(IEchoGrain).FullName!, "Nope()")).Should().Throw<KeyNotFoundException>().WithMessage("*Nope()*");
        FluentActions.Invoking(() => catalog.RoleOf(typeof(ICounterGrain))).Should().Throw<ArgumentException>();
    }
}
