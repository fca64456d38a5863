using System.Reflection;
using MatGenDiscovery.Runtime.Broker.Messages;

namespace MatGenDiscovery.Runtime.Broker.Dispatch;

/// <summary>Worker side: turns a <see cref="GrainCallRequest"/> into a call on a local grain reference and the outcome into a response. Never throws.</summary>
public sealed class GrainCallDispatcher
{
    private static readonly MethodInfo GetGrainMethod = typeof(IGrainFactory).GetMethod(nameof(IGrainFactory.GetGrain))!;

    private readonly IGrainFactory _grains;
    private readonly GrainInterfaceCatalog _catalog;

    public GrainCallDispatcher(IGrainFactory grains, GrainInterfaceCatalog catalog)
    {
        _grains = grains;
        _catalog = catalog;
    }

    public async Task<GrainCallResponse> DispatchAsync(GrainCallRequest request)
    {
        try
        {
            var (grainInterface, method) = _catalog.Resolve(request.GrainInterface, request.Method);
            var arguments = GrainCallSerializer.DeserializeArguments(method, request.ArgumentsJson);
            var grain = GetGrainMethod.MakeGenericMethod(grainInterface).Invoke(_grains, [request.GrainKey])!;
            var result = await AwaitResultAsync(method.Invoke(grain, arguments)!).ConfigureAwait(false);
            return new GrainCallResponse(request.IdempotencyKey, GrainCallSerializer.SerializeResult(method, result), null, null);
        }
        catch (Exception ex)
        {
            var error = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
            return new GrainCallResponse(request.IdempotencyKey, null, error.GetType().FullName, error.Message);
        }
    }

    private static async Task<object?> AwaitResultAsync(object returned)
    {
        var task = returned switch
        {
            Task t => t,
            ValueTask v => v.AsTask(),
            _ => (Task)returned.GetType().GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!,
        };
        await task.ConfigureAwait(false);
        return task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<int>.Result))!.GetValue(task) : null;
    }
}
