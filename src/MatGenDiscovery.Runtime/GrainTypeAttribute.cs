namespace MatGenDiscovery.Runtime;

/// <summary>
/// Sets the type part of <see cref="GrainId"/> for grains of this interface (<c>[GrainType("campaign")]</c>);
/// without it the type is the interface name without the leading <c>I</c> and trailing <c>Grain</c>, lower-cased.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
