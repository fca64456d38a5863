using MatGenDiscovery.Runtime.Activation;

namespace MatGenDiscovery.Runtime.Hosting;

/// <summary>
/// Maps each grain interface to its implementation and a factory for it. Dependencies go into the factory
/// closure (<c>registry.Add&lt;IGeneratorGrain, GeneratorGrain&gt;(_ =&gt; new GeneratorGrain(blobs))</c>), so no
/// container is needed. Register everything before creating the <see cref="Silo"/>.
/// </summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainRegistration> _byInterface = [];
    private readonly Dictionary<string, GrainRegistration> _byTypeName = new(StringComparer.Ordinal);

    /// <exception cref="InvalidGrainInterfaceException">The interface has a member that cannot be a grain call.</exception>
    /// <exception cref="ArgumentException">The interface, or another with the same grain type name, is already registered.</exception>
    public GrainTypeRegistry Add<TGrainInterface, TGrain>(Func<GrainActivationContext, TGrain> factory)
        where TGrainInterface : IGrainWithStringKey
        where TGrain : Grain, TGrainInterface
    {
        ArgumentNullException.ThrowIfNull(factory);
        var grainInterface = typeof(TGrainInterface);
        GrainInterfaceValidator.Validate(grainInterface);
        var typeName = GrainId.GetTypeName(grainInterface);
        if (_byTypeName.TryGetValue(typeName, out var existing))
        {
            throw new ArgumentException(
                $"Grain type name '{typeName}' of {grainInterface.Name} is already used by {existing.InterfaceType.Name} (implemented by {existing.GrainClass.Name}); give one a [GrainType] name.",
                nameof(TGrainInterface));
        }

        var registration = new GrainRegistration(typeName, grainInterface, typeof(TGrain), context => factory(context));
        _byInterface.Add(grainInterface, registration);
        _byTypeName.Add(typeName, registration);
        return this;
    }

    /// <summary>Registers an implementation with a parameterless constructor.</summary>
    public GrainTypeRegistry Add<TGrainInterface, TGrain>()
        where TGrainInterface : IGrainWithStringKey
        where TGrain : Grain, TGrainInterface, new() =>
        Add<TGrainInterface, TGrain>(_ => new TGrain());

    /// <summary>The grain type names registered, e.g. <c>campaign</c>.</summary>
    public IReadOnlyCollection<string> TypeNames => _byTypeName.Keys;

    internal GrainRegistration Get(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var registration)
            ? registration
            : throw new GrainTypeNotRegisteredException($"grain interface {grainInterface.FullName}");

    internal GrainRegistration Get(string typeName) =>
        _byTypeName.TryGetValue(typeName, out var registration)
            ? registration
            : throw new GrainTypeNotRegisteredException($"grain type '{typeName}'");
}
