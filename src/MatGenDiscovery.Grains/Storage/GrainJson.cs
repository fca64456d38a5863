using System.Text.Json;
using System.Text.Json.Serialization;

namespace MatGenDiscovery.Grains.Storage;

/// <summary>JSON settings of grain state blobs and status output: snake_case, enums as strings, indented.</summary>
public static class GrainJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
