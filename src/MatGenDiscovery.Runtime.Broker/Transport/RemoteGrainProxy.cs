using System.Collections.Concurrent;
using System.Reflection;
using MatGenDiscovery.Runtime.Broker.Dispatch;
using MatGenDiscovery.Runtime.Broker.Messages;

namespace MatGenDiscovery.Runtime.Broker.Transport;

/// <summary>
/// Reference to a grain served by broker workers: each call becomes a request with a fresh idempotency key, or, for
/// content-keyed interfaces, a key derived from the call's content (<see cref="GrainInterfaceCatalog.ContentKey"/>).
/// </summary>
public class RemoteGrainProxy : DispatchProxy
{
    private static readonly ConcurrentDictionary<Type, Func<Task<object?>, object>> Adapters = new();

    private BrokerClient? _client;
    private string _role = "";
    private string _key = "";

    public override string ToString() => $"RemoteGrainReference {_role}:{_key}";

    internal static TGrainInterface Create<TGrainInterface>(BrokerClient client, string role, string key)
    {
        var proxy = Create<TGrainInterface, RemoteGrainProxy>();
        var remote = (RemoteGrainProxy)(object)proxy!;
        remote._client = client;
        remote._role = role;
        remote._key = key;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var grainInterface = targetMethod.DeclaringType!.FullName!;
        var signature = GrainMethodSignature.Of(targetMethod);
        var arguments = GrainCallSerializer.SerializeArguments(targetMethod, args ?? []);
        var key = _client!.IsContentKeyed(targetMethod.DeclaringType!)
            ? GrainInterfaceCatalog.ContentKey(grainInterface, _key, signature, arguments)
            : Guid.NewGuid();
        var request = new GrainCallRequest(grainInterface, _key, signature, arguments, key, _client.ReplyAddress);
        return Adapt(targetMethod.ReturnType, CallAsync(targetMethod, request));
    }

    private async Task<object?> CallAsync(MethodInfo method, GrainCallRequest request)
    {
        var response = await _client!.SendAsync(_role, request).ConfigureAwait(false);
        if (!response.Succeeded)
        {
            throw new RemoteGrainException($"{_role}:{_key}", method.Name, response.ErrorType!, response.ErrorMessage);
        }

        return GrainCallSerializer.DeserializeResult(method, response.ResultJson);
    }

    private static object Adapt(Type returnType, Task<object?> call) =>
        Adapters.GetOrAdd(returnType, static type =>
        {
            if (type == typeof(Task))
            {
                return task => task;
            }

            if (type == typeof(ValueTask))
            {
                return task => new ValueTask(task);
            }

            var definition = type.GetGenericTypeDefinition();
            var name = definition == typeof(Task<>) ? nameof(ToTask) : nameof(ToValueTask);
            return typeof(RemoteGrainProxy).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type.GetGenericArguments()[0])
                .CreateDelegate<Func<Task<object?>, object>>();
        })(call);

    private static object ToTask<T>(Task<object?> call) => CastAsync<T>(call);

    private static object ToValueTask<T>(Task<object?> call) => new ValueTask<T>(CastAsync<T>(call));

    private static async Task<T> CastAsync<T>(Task<object?> call) => (T)(await call.ConfigureAwait(false))!;
}
