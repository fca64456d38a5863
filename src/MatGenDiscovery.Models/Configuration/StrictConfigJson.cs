using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MatGenDiscovery.Models.Configuration;

/// <summary>
/// The JSON rules every immutable config follows (experiment and campaign configs alike): snake_case names,
/// unknown members and missing required fields rejected, nullability respected, every field written. The compact
/// form is canonical: <see cref="Hash{T}"/> digests it, so stored config hashes depend only on these rules.
/// </summary>
public static class StrictConfigJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private static readonly JsonSerializerOptions IndentedOptions = new(Options) { WriteIndented = true };

    public static string ToCanonicalJson<T>(T config) => JsonSerializer.Serialize(config, Options);

    public static string ToIndentedJson<T>(T config) => JsonSerializer.Serialize(config, IndentedOptions);

    /// <summary>Lower-case hex SHA-256 of <see cref="ToCanonicalJson{T}"/>.</summary>
    public static string Hash<T>(T config) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalJson(config))));
}
