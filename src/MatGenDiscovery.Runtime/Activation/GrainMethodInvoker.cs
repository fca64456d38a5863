using System.Collections.Concurrent;
using System.Reflection;

namespace MatGenDiscovery.Runtime.Activation;

/// <summary>
/// Calls one grain interface method by reflection and adapts between its declared task type and the runtime's
/// <see cref="Task{Object}"/>; built once per method and cached.
/// </summary>
internal sealed class GrainMethodInvoker
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethodInvoker> Cache = new();

    private readonly Func<object, Task<object?>> _awaitReturned;
    private readonly Func<Task<object?>, object> _toDeclaredType;

    private GrainMethodInvoker(MethodInfo method)
    {
        Method = method;
        AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: false);
        var returnType = method.ReturnType;
        var resultType = returnType.IsGenericType ? returnType.GetGenericArguments()[0] : null;
        (_awaitReturned, _toDeclaredType) = GetKind(returnType) switch
        {
            ReturnKind.Task => (AwaitTask, (Func<Task<object?>, object>)(task => task)),
            ReturnKind.ValueTask => (AwaitValueTask, task => new ValueTask(task)),
            ReturnKind.TaskOfT => (Adapter<Func<object, Task<object?>>>(nameof(AwaitTaskOf), resultType!), Adapter<Func<Task<object?>, object>>(nameof(ToTaskOf), resultType!)),
            ReturnKind.ValueTaskOfT => (Adapter<Func<object, Task<object?>>>(nameof(AwaitValueTaskOf), resultType!), Adapter<Func<Task<object?>, object>>(nameof(ToValueTaskOf), resultType!)),
            _ => throw new InvalidOperationException($"Method {method.Name} was not validated."),
        };
    }

    private enum ReturnKind
    {
        Invalid,
        Task,
        TaskOfT,
        ValueTask,
        ValueTaskOfT,
    }

    public MethodInfo Method { get; }

    public bool AlwaysInterleave { get; }

    public static GrainMethodInvoker For(MethodInfo method) => Cache.GetOrAdd(method, static m => new GrainMethodInvoker(m));

    /// <summary>Why <paramref name="method"/> cannot be a grain method, or null if it can.</summary>
    public static string? GetProblem(MethodInfo method)
    {
        if (method.IsSpecialName)
        {
            return $"member {method.Name} is a property or event accessor; grain interfaces may only declare methods";
        }

        if (GetKind(method.ReturnType) == ReturnKind.Invalid)
        {
            return $"method {method.Name} returns {method.ReturnType.Name}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>";
        }

        var byRef = method.GetParameters().FirstOrDefault(p => p.ParameterType.IsByRef);
        return byRef is null ? null : $"method {method.Name} has by-ref parameter '{byRef.Name}'; grain arguments are passed by value";
    }

    /// <summary>Invokes the method on <paramref name="grain"/> and awaits its task; synchronous throws propagate unwrapped.</summary>
    public Task<object?> InvokeAsync(Grain grain, object?[] arguments)
    {
        var returned = Method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null)
            ?? throw new InvalidOperationException($"{grain.GetType().Name}.{Method.Name} returned a null task.");
        return _awaitReturned(returned);
    }

    /// <summary>Converts the runtime's result task into the method's declared return type, for the proxy.</summary>
    public object ToDeclaredType(Task<object?> result) => _toDeclaredType(result);

    private static ReturnKind GetKind(Type type)
    {
        if (type == typeof(Task))
        {
            return ReturnKind.Task;
        }

        if (type == typeof(ValueTask))
        {
            return ReturnKind.ValueTask;
        }

        if (!type.IsGenericType)
        {
            return ReturnKind.Invalid;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Task<>) ? ReturnKind.TaskOfT
            : definition == typeof(ValueTask<>) ? ReturnKind.ValueTaskOfT
            : ReturnKind.Invalid;
    }

    private static TDelegate Adapter<TDelegate>(string name, Type resultType)
        where TDelegate : Delegate =>
        typeof(GrainMethodInvoker).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(resultType)
            .CreateDelegate<TDelegate>();

    private static async Task<object?> AwaitTask(object task)
    {
        await ((Task)task).ConfigureAwait(false);
        return null;
    }

    private static async Task<object?> AwaitValueTask(object task)
    {
        await ((ValueTask)task).ConfigureAwait(false);
        return null;
    }

    private static async Task<object?> AwaitTaskOf<T>(object task) => await ((Task<T>)task).ConfigureAwait(false);

    private static async Task<object?> AwaitValueTaskOf<T>(object task) => await ((ValueTask<T>)task).ConfigureAwait(false);

    private static object ToTaskOf<T>(Task<object?> result) => CastAsync<T>(result);

    private static object ToValueTaskOf<T>(Task<object?> result) => new ValueTask<T>(CastAsync<T>(result));

    private static async Task<T> CastAsync<T>(Task<object?> result) => (T)(await result.ConfigureAwait(false))!;
}
