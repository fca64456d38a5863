using System.Reflection;
using System.Text.Json;

namespace MatGenDiscovery.Runtime.Broker.Dispatch;

/// <summary>Arguments and results as System.Text.Json (web defaults: camelCase), typed by the method's declared parameter and result types.</summary>
public static class GrainCallSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string SerializeArguments(MethodInfo method, IReadOnlyList<object?> arguments)
    {
        var parameters = method.GetParameters();
        if (parameters.Length != arguments.Count)
        {
            throw new ArgumentException($"{method.Name} takes {parameters.Length} arguments, got {arguments.Count}.", nameof(arguments));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < parameters.Length; i++)
            {
                JsonSerializer.Serialize(writer, arguments[i], parameters[i].ParameterType, Options);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <exception cref="JsonException">The JSON is not an array matching the parameters.</exception>
    public static object?[] DeserializeArguments(MethodInfo method, string argumentsJson)
    {
        var parameters = method.GetParameters();
        using var document = JsonDocument.Parse(argumentsJson);
        if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() != parameters.Length)
        {
            throw new JsonException($"Arguments of {method.Name} must be a JSON array of {parameters.Length} elements.");
        }

        return document.RootElement.EnumerateArray()
            .Select((element, i) => element.Deserialize(parameters[i].ParameterType, Options))
            .ToArray();
    }

    /// <summary>The result type of a Task&lt;T&gt;/ValueTask&lt;T&gt; method, or null for Task/ValueTask.</summary>
    public static Type? ResultType(MethodInfo method) =>
        method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : null;

    public static string? SerializeResult(MethodInfo method, object? result) =>
        ResultType(method) is { } type ? JsonSerializer.Serialize(result, type, Options) : null;

    public static object? DeserializeResult(MethodInfo method, string? resultJson) =>
        ResultType(method) is { } type && resultJson is not null ? JsonSerializer.Deserialize(resultJson, type, Options) : null;
}
