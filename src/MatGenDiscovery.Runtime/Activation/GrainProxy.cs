using System.Reflection;
using MatGenDiscovery.Runtime.Hosting;

namespace MatGenDiscovery.Runtime.Activation;

/// <summary>
/// Grain reference: implements a grain interface by forwarding every call to the silo. Equal references point to
/// the same grain.
/// </summary>
public class GrainProxy : DispatchProxy
{
    private Silo? _silo;

    public GrainId GrainId { get; private set; }

    public override bool Equals(object? obj) => obj is GrainProxy other && other.GrainId == GrainId;

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => $"GrainReference {GrainId}";

    internal static TGrainInterface Create<TGrainInterface>(Silo silo, GrainId grainId)
    {
        var proxy = Create<TGrainInterface, GrainProxy>();
        var grainProxy = (GrainProxy)(object)proxy!;
        grainProxy._silo = silo;
        grainProxy.GrainId = grainId;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var invoker = GrainMethodInvoker.For(targetMethod);
        return invoker.ToDeclaredType(_silo!.InvokeAsync(GrainId, invoker, args ?? []));
    }
}
