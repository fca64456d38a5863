namespace MatGenDiscovery.Runtime;

/// <summary>A grain interface has a member the runtime cannot dispatch (see <see cref="IGrain"/>).</summary>
public sealed class InvalidGrainInterfaceException(Type grainInterface, string reason)
    : ArgumentException($"Grain interface {grainInterface.FullName} cannot be used: {reason}")
{
    public Type GrainInterface { get; } = grainInterface;
}
