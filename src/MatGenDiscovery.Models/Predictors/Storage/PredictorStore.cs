using System.Text.Json;
using System.Text.Json.Serialization;
using MatGenDiscovery.Models.Predictors.Gbdt;
using MatGenDiscovery.Models.Predictors.GradientBoosting;
using MatGenDiscovery.Models.Predictors.Mlp;

namespace MatGenDiscovery.Models.Predictors.Storage;

/// <summary>
/// Saves a predictor as a folder: <c>model.json</c> (<see cref="PredictorManifest"/>), <c>member-K.json</c> (GBDT,
/// <see cref="GradientBoostedTreesSerializer"/>) or <c>member-K.safetensors</c> (MLP, <see cref="MlpCheckpoint"/>),
/// and <c>metal-classifier.json</c>; an <see cref="AveragedPredictor"/> saves each part as a sub-folder <c>part-P-KIND</c>. Files are first written to a sibling staging folder; a new folder is then
/// renamed into place, an existing one receives the members first and <c>model.json</c> last, so a folder whose
/// manifest is readable is complete.
/// </summary>
public static class PredictorStore
{
    private const string ClassifierFileName = "metal-classifier.json";

    internal static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    /// <returns>The manifest as written (with member and classifier file names filled in).</returns>
    /// <exception cref="ArgumentException">The predictor kind is not one this store knows.</exception>
    public static PredictorManifest Save(string directory, IPropertyPredictor predictor, PredictorManifest manifest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(manifest);
        var target = Path.GetFullPath(directory);
        var staging = $"{target.TrimEnd(Path.DirectorySeparatorChar)}.tmp-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            var written = WriteMembers(staging, predictor, manifest);
            File.WriteAllText(Path.Combine(staging, PredictorManifest.FileName), JsonSerializer.Serialize(written, JsonOptions));
            Publish(staging, target);
            return written;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <exception cref="FileNotFoundException">The folder has no <c>model.json</c>.</exception>
    /// <exception cref="IncompatibleModelException">The manifest or a member has another format version or feature set.</exception>
    /// <exception cref="InvalidDataException">A file is not a valid model.</exception>
    public static (IPropertyPredictor Predictor, PredictorManifest Manifest) Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var manifestPath = Path.Combine(directory, PredictorManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"'{directory}' is not a predictor folder: '{manifestPath}' does not exist", manifestPath);
        }

        var manifest = ReadManifest(manifestPath);
        var files = manifest.MemberFiles.Select(file => Path.Combine(directory, file)).ToList();
        IPropertyPredictor predictor = manifest.Kind switch
        {
            GbdtPredictor.Kind => LoadGbdt(directory, manifest, files),
            MlpPredictor.Kind => MlpCheckpoint.Load(files, manifest.Target, manifest.FeatureSetId, manifest.Calibration),
            AveragedPredictor.Kind => new AveragedPredictor([.. files.Select(folder => Load(folder).Predictor)], manifest.Calibration, manifest.PartWeights),
            _ => throw new InvalidDataException($"'{manifestPath}' has unknown model kind '{manifest.Kind}'; expected {GbdtPredictor.Kind} or {MlpPredictor.Kind}"),
        };
        return (predictor, manifest);
    }

    private static PredictorManifest ReadManifest(string path)
    {
        var json = File.ReadAllText(path);
        int version;
        try
        {
            using var document = JsonDocument.Parse(json);
            version = document.RootElement.GetProperty("formatVersion").GetInt32();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"'{path}' has no readable formatVersion: {exception.Message}", exception);
        }

        if (version != PredictorManifest.CurrentFormatVersion)
        {
            throw new IncompatibleModelException(
                path, PredictorManifest.CurrentFormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"'{path}' has predictor format version {version}, but this build reads version {PredictorManifest.CurrentFormatVersion}.");
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<PredictorManifest>(json, JsonOptions)
                ?? throw new InvalidDataException($"'{path}' contains null.");
            return manifest.MemberFiles.Count > 0 ? manifest : throw new InvalidDataException($"'{path}' lists no member files.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"'{path}' is not a valid predictor manifest: {exception.Message}", exception);
        }
    }

    private static GbdtPredictor LoadGbdt(string directory, PredictorManifest manifest, List<string> files)
    {
        var features = GbdtFeatureSet.All.FirstOrDefault(set => set.Id == manifest.FeatureSetId);
        if (features is null)
        {
            var path = Path.Combine(directory, PredictorManifest.FileName);
            var known = string.Join(" or ", GbdtFeatureSet.All.Select(set => set.Id));
            throw new IncompatibleModelException(
                path, known, manifest.FeatureSetId,
                $"'{path}' was trained on feature set '{manifest.FeatureSetId}', but this build's GBDT predictors use {known}.");
        }

        var members = files.Select(file => GradientBoostedTreesSerializer.Load(file, features.Id).Model).ToList();
        var classifier = manifest.ClassifierFile is { } name
            ? new MetalClassifier(GradientBoostedTreesSerializer.Load(Path.Combine(directory, name), features.Id).Model, features)
            : null;
        return new GbdtPredictor(manifest.Target, members, manifest.Calibration, classifier, features);
    }

    private static PredictorManifest WriteMembers(string folder, IPropertyPredictor predictor, PredictorManifest manifest)
    {
        switch (predictor)
        {
            case GbdtPredictor gbdt:
            {
                var schema = new FeatureSchema(gbdt.Features.Id, gbdt.Features.Names);
                var names = new List<string>();
                for (var k = 0; k < gbdt.Members.Count; k++)
                {
                    names.Add($"member-{k}.json");
                    File.WriteAllText(Path.Combine(folder, names[^1]), GradientBoostedTreesSerializer.Serialize(gbdt.Members[k], schema));
                }

                if (gbdt.MetalClassifier is { } classifier)
                {
                    File.WriteAllText(Path.Combine(folder, ClassifierFileName), GradientBoostedTreesSerializer.Serialize(classifier.Model, schema));
                }

                return manifest with
                {
                    Kind = GbdtPredictor.Kind,
                    FeatureSetId = gbdt.FeatureSetId,
                    Target = gbdt.TargetProperty,
                    MemberFiles = names,
                    ClassifierFile = gbdt.MetalClassifier is null ? null : ClassifierFileName,
                    Calibration = gbdt.Calibration,
                };
            }

            case MlpPredictor mlp:
                return manifest with
                {
                    Kind = MlpPredictor.Kind,
                    FeatureSetId = mlp.FeatureSetId,
                    Target = mlp.TargetProperty,
                    MemberFiles = MlpCheckpoint.Save(folder, mlp),
                    ClassifierFile = null,
                    Calibration = mlp.Calibration,
                };

            case AveragedPredictor average:
            {
                var names = new List<string>();
                for (var p = 0; p < average.Parts.Count; p++)
                {
                    var part = average.Parts[p];
                    names.Add($"part-{p}-{part.Name}");
                    Save(Path.Combine(folder, names[^1]), part, new PredictorManifest
                    {
                        Kind = part.Name, FeatureSetId = part.FeatureSetId, Target = part.TargetProperty, Dataset = manifest.Dataset, Seed = manifest.Seed,
                    });
                }

                return manifest with
                {
                    Kind = AveragedPredictor.Kind,
                    FeatureSetId = average.FeatureSetId,
                    Target = average.TargetProperty,
                    MemberFiles = names,
                    ClassifierFile = null,
                    Calibration = average.Calibration,
                    PartWeights = average.Weights,
                };
            }

            default:
                throw new ArgumentException($"Cannot save a predictor of type {predictor.GetType().Name}.", nameof(predictor));
        }
    }

    private static void Publish(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }

        var manifest = Path.Combine(staging, PredictorManifest.FileName);
        foreach (var file in Directory.GetFiles(staging).Where(file => file != manifest))
        {
            File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var part in Directory.GetDirectories(staging))
        {
            var destination = Path.Combine(target, Path.GetFileName(part));
            if (Directory.Exists(destination))
            {
                Directory.Delete(destination, recursive: true);
            }

            Directory.Move(part, destination);
        }

        File.Move(manifest, Path.Combine(target, PredictorManifest.FileName), overwrite: true);
    }
}
