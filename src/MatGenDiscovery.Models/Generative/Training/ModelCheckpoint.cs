using System.Globalization;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.NeuralNetworks.Checkpoints;

namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>
/// A safetensors checkpoint of a <see cref="GenerativeModel"/>: its <see cref="GenerativeModel.State"/> tensors, and in
/// <c>__metadata__</c> the format tag, the step, the seed, the canonical config JSON and its hash, plus the model's
/// own metadata. Written atomically.
/// </summary>
public sealed record ModelCheckpoint(ExperimentConfig Config, int Step, GenerativeModel Model)
{
    public const string Format = "matgen-generative-1";

    public static void Save(string path, ExperimentConfig config, GenerativeModel model, int step)
    {
        var metadata = new Dictionary<string, string>(model.Metadata())
        {
            ["format"] = Format,
            ["kind"] = config.Model.Kind,
            ["step"] = step.ToString(CultureInfo.InvariantCulture),
            ["seed"] = config.Seed.ToString(CultureInfo.InvariantCulture),
            ["config_hash"] = ExperimentConfigSerializer.Hash(config),
            ["config"] = ExperimentConfigSerializer.ToCanonicalJson(config),
        };
        SafeTensorsFile.Write(path, model.State().ToList(), metadata);
    }

    /// <summary>Reads a checkpoint and rebuilds its model with the saved state.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Not a valid safetensors file, not a MatGenDiscovery checkpoint, or its tensors do not fit its model.</exception>
    public static ModelCheckpoint Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"checkpoint '{path}' does not exist", path);
        }

        var file = SafeTensorsFile.Read(path);
        string Get(string key) => file.Metadata.TryGetValue(key, out var value)
            ? value
            : throw new InvalidDataException($"checkpoint '{path}': metadata has no '{key}'; is it a MatGenDiscovery generative checkpoint?");

        if (Get("format") != Format)
        {
            throw new InvalidDataException($"checkpoint '{path}': format '{Get("format")}' is not '{Format}'");
        }

        try
        {
            var config = ExperimentConfigSerializer.Parse(Get("config"), path + " (embedded config)");
            if (ExperimentConfigSerializer.Hash(config) != Get("config_hash"))
            {
                throw new InvalidDataException($"checkpoint '{path}': the embedded config does not match its config_hash");
            }

            var model = GenerativeModelFactory.Restore(config, file.Metadata);
            model.LoadState(file.Tensors);
            return new ModelCheckpoint(config, int.Parse(Get("step"), CultureInfo.InvariantCulture), model);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidDataException && ex.Message.IndexOf(path, StringComparison.Ordinal) < 0)
        {
            throw new InvalidDataException($"checkpoint '{path}': {ex.Message}", ex);
        }
    }
}
