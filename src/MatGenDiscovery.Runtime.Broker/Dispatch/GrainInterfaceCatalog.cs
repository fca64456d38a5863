using System.Reflection;

namespace MatGenDiscovery.Runtime.Broker.Dispatch;

/// <summary>
/// The grain interfaces reachable through the broker and the worker role (queue) serving each. Workers dispatch
/// only to catalogued interfaces, so a message can never name an arbitrary type to load.
/// </summary>
public sealed class GrainInterfaceCatalog
{
    private readonly Dictionary<string, (Type Interface, string Role)> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<(Type, string), MethodInfo> _methods = [];

    /// <param name="role">Queue of the workers serving this interface (<c>generator</c>, <c>validator</c>): lower-case letters, digits, <c>-</c>.</param>
    /// <exception cref="ArgumentException">The role is malformed or the interface is already catalogued.</exception>
    public GrainInterfaceCatalog Add<TGrainInterface>(string role)
        where TGrainInterface : IGrainWithStringKey
    {
        if (string.IsNullOrEmpty(role) || !role.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"Role '{role}' is not a queue name: use lower-case letters, digits and '-'.", nameof(role));
        }

        var type = typeof(TGrainInterface);
        if (!_entries.TryAdd(type.FullName!, (type, role)))
        {
            throw new ArgumentException($"Grain interface {type.FullName} is already catalogued.", nameof(TGrainInterface));
        }

        foreach (var method in type.GetMethods().Concat(type.GetInterfaces().SelectMany(i => i.GetMethods())))
        {
            _methods[(type, GrainMethodSignature.Of(method))] = method;
        }

        return this;
    }

    public string RoleOf(Type grainInterface) =>
        _entries.TryGetValue(grainInterface.FullName!, out var entry) && entry.Interface == grainInterface
            ? entry.Role
            : throw new ArgumentException($"Grain interface {grainInterface.FullName} is not in the broker catalog.", nameof(grainInterface));

    /// <exception cref="KeyNotFoundException">The interface or method is not catalogued.</exception>
    public (Type Interface, MethodInfo Method) Resolve(string grainInterface, string method)
    {
        if (!_entries.TryGetValue(grainInterface, out var entry))
        {
            throw new KeyNotFoundException($"Grain interface '{grainInterface}' is not in this worker's catalog.");
        }

        return _methods.TryGetValue((entry.Interface, method), out var info)
            ? (entry.Interface, info)
            : throw new KeyNotFoundException($"Grain interface '{grainInterface}' has no method '{method}'.");
    }
}
