using System.Text.Json;
using System.Text.Json.Nodes;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Models.Configuration;

namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>
/// Strict JSON for <see cref="CampaignConfig"/>: snake_case, unknown and missing required fields rejected, then
/// <see cref="CampaignConfigValidator"/>. <c>experiment_file</c> references are read (relative to the config file)
/// and inlined as <c>experiment</c>, so the stored config is self-contained; its canonical JSON is what
/// <see cref="Hash"/> digests.
/// </summary>
public static class CampaignConfigSerializer
{
    /// <exception cref="FileNotFoundException">The config (or an experiment file it names) does not exist.</exception>
    /// <exception cref="CampaignConfigException">Malformed JSON, unknown or missing field, or an invalid value.</exception>
    public static CampaignConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"campaign config '{path}' does not exist", path);
        }

        return Parse(File.ReadAllText(path), path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <param name="source">Names the JSON in error messages.</param>
    /// <param name="baseDirectory">Folder that relative <c>experiment_file</c> paths start from; null: the working directory.</param>
    public static CampaignConfig Parse(string json, string source, string? baseDirectory = null)
    {
        CampaignConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<CampaignConfig>(json, StrictConfigJson.Options);
        }
        catch (JsonException ex)
        {
            throw new CampaignConfigException($"campaign config '{source}': {ex.Message}", ex);
        }

        if (config is null)
        {
            throw new CampaignConfigException($"campaign config '{source}': the document is null, expected an object");
        }

        config = config with { Generators = config.Generators.Select((g, i) => Inline(g, i, source, baseDirectory)).ToList() };
        CampaignConfigValidator.Validate(config, source);
        return config;
    }

    public static string ToCanonicalJson(CampaignConfig config) => StrictConfigJson.ToCanonicalJson(config);

    public static string ToIndentedJson(CampaignConfig config) => StrictConfigJson.ToIndentedJson(config);

    /// <summary>Lower-case hex SHA-256 of <see cref="ToCanonicalJson"/>.</summary>
    public static string Hash(CampaignConfig config) => StrictConfigJson.Hash(config);

    private static GeneratorConfig Inline(GeneratorConfig generator, int index, string source, string? baseDirectory)
    {
        if (generator.ExperimentFile is not { } file)
        {
            return generator;
        }

        if (generator.Experiment is not null)
        {
            throw new CampaignConfigException($"campaign config '{source}': field 'generators[{index}]': give 'experiment' or 'experiment_file', not both");
        }

        var path = Path.IsPathRooted(file) ? file : Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"campaign config '{source}': generators[{index}].experiment_file '{path}' does not exist", path);
        }

        try
        {
            var compact = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!
                .ToJsonString();
            return generator with { Experiment = JsonDocument.Parse(compact).RootElement.Clone(), ExperimentFile = null };
        }
        catch (JsonException ex)
        {
            throw new CampaignConfigException($"campaign config '{source}': generators[{index}].experiment_file '{path}': {ex.Message}", ex);
        }
    }
}
