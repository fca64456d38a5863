using System.Text.Json;
using System.Text.Json.Serialization;

namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>
/// Saves and loads <see cref="GradientBoostedTrees"/> as versioned JSON with the caller's <see cref="FeatureSchema"/>.
/// Doubles are written in shortest round-trip form, so a loaded model predicts bit-identically.
/// </summary>
public static class GradientBoostedTreesSerializer
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions _jsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <exception cref="ArgumentException">The schema's name count differs from the model's feature count.</exception>
    public static string Serialize(GradientBoostedTrees model, FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Names.Count != model.FeatureCount)
        {
            throw new ArgumentException(
                $"Feature set '{schema.Id}' names {schema.Names.Count} features but the model has {model.FeatureCount}.", nameof(schema));
        }

        var document = new ModelDocument(
            FormatVersion,
            schema.Id,
            [.. schema.Names],
            model.Options,
            model.FeatureCount,
            model.BaseScore,
            [.. model.Trees.Select(TreeDocument.From)]);
        return JsonSerializer.Serialize(document, _jsonOptions);
    }

    public static void Save(GradientBoostedTrees model, FeatureSchema schema, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllText(path, Serialize(model, schema));
    }

    /// <exception cref="IncompatibleModelException">The file's format version or feature-set id is not the expected one.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid model.</exception>
    public static (GradientBoostedTrees Model, FeatureSchema Schema) Load(string path, string expectedFeatureSetId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Deserialize(File.ReadAllText(path), expectedFeatureSetId, path);
    }

    /// <param name="source">Names the JSON's origin (usually its file path) in error messages.</param>
    public static (GradientBoostedTrees Model, FeatureSchema Schema) Deserialize(string json, string expectedFeatureSetId, string source = "<string>")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(expectedFeatureSetId);
        CheckHeader(json, expectedFeatureSetId, source);
        try
        {
            var document = JsonSerializer.Deserialize<ModelDocument>(json, _jsonOptions)
                ?? throw new InvalidDataException($"Model file '{source}' contains null.");
            var model = new GradientBoostedTrees(document.Options, document.FeatureCount, document.BaseScore, [.. document.Trees.Select(tree => tree.ToTree())]);
            return (model, new FeatureSchema(document.FeatureSetId, document.FeatureNames));
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or NullReferenceException)
        {
            throw new InvalidDataException($"Model file '{source}' is not a valid gradient-boosted tree model: {exception.Message}", exception);
        }
    }

    private static void CheckHeader(string json, string expectedFeatureSetId, string source)
    {
        int version;
        string? featureSetId;
        try
        {
            using var header = JsonDocument.Parse(json);
            var root = header.RootElement;
            version = root.GetProperty("formatVersion").GetInt32();
            featureSetId = root.GetProperty("featureSetId").GetString();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Model file '{source}' has no readable formatVersion/featureSetId header: {exception.Message}", exception);
        }

        if (version != FormatVersion)
        {
            throw new IncompatibleModelException(
                source,
                FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Model file '{source}' has format version {version}, but this build reads version {FormatVersion}.");
        }

        if (featureSetId != expectedFeatureSetId)
        {
            throw new IncompatibleModelException(
                source,
                expectedFeatureSetId,
                featureSetId ?? "<null>",
                $"Model file '{source}' was trained on feature set '{featureSetId}', but the caller expects '{expectedFeatureSetId}'.");
        }
    }
}
