using System.Text.Json;
using System.Text.Json.Serialization;
using MatGenDiscovery.Models.Evaluation;

namespace MatGenDiscovery.Models.Reporting;

/// <summary>
/// <see cref="EvaluationReport"/> as indented snake_case JSON; computed shares (<c>share</c>, <c>factor</c>,
/// <c>label</c>) are written beside their counts. Non-finite numbers are written as the strings "NaN"/"Infinity".
/// </summary>
public static class EvaluationReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(EvaluationReport report) => JsonSerializer.Serialize(report, Options);

    public static EvaluationReport? Deserialize(string json) => JsonSerializer.Deserialize<EvaluationReport>(json, Options);

    public static void Write(Stream stream, EvaluationReport report) => JsonSerializer.Serialize(stream, report, Options);
}
