using System.Reflection;

namespace MatGenDiscovery.Runtime.Broker.Dispatch;

/// <summary>
/// The grain interfaces reachable through the broker and the worker role (queue) serving each. Workers dispatch
/// only to catalogued interfaces, so a message can never name an arbitrary type to load.
/// </summary>
public sealed class GrainInterfaceCatalog
{
    private readonly Dictionary<string, (Type Interface, string Role, bool ContentKeyed)> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<(Type, string), MethodInfo> _methods = [];

    /// <param name="role">Queue of the workers serving this interface (<c>generator</c>, <c>validator</c>): lower-case letters, digits, <c>-</c>.</param>
    /// <param name="contentKeyed">
    /// Calls are pure functions of (grain key, method, arguments): their idempotency key is derived from that content
    /// (<see cref="ContentKey"/>), so a re-sent call (e.g. by a restarted caller) is the same call to every worker.
    /// Leave false for calls whose effect must happen once per send.
    /// </param>
    /// <exception cref="ArgumentException">The role is malformed or the interface is already catalogued.</exception>
    public GrainInterfaceCatalog Add<TGrainInterface>(string role, bool contentKeyed = false)
        where TGrainInterface : IGrainWithStringKey
    {
        if (string.IsNullOrEmpty(role) || !role.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"Role '{role}' is not a queue name: use lower-case letters, digits and '-'.", nameof(role));
        }

        var type = typeof(TGrainInterface);
        if (!_entries.TryAdd(type.FullName!, (type, role, contentKeyed)))
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

    /// <summary>The distinct roles (queues) of the catalogued interfaces.</summary>
    public IReadOnlyList<string> Roles => _entries.Values.Select(e => e.Role).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public bool IsContentKeyed(Type grainInterface) =>
        _entries.TryGetValue(grainInterface.FullName!, out var entry) && entry.Interface == grainInterface && entry.ContentKeyed;

    /// <summary>The first 16 bytes of SHA-256 over (interface, grain key, method signature, arguments JSON) as a GUID.</summary>
    public static Guid ContentKey(string grainInterface, string grainKey, string method, string argumentsJson)
    {
        var text = string.Join('\n', grainInterface, grainKey, method, argumentsJson);
        return new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }

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
