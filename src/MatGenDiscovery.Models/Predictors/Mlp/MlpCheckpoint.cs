using System.Globalization;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Models.Featurization;
using MatGenDiscovery.Models.Predictors.GradientBoosting;
using MatGenDiscovery.NeuralNetworks.Checkpoints;
using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.Models.Predictors.Mlp;

/// <summary>
/// One safetensors file per MLP member, with metadata <c>format_version</c>, <c>kind</c>, <c>feature_set</c>,
/// <c>elements</c> (space-separated symbols in input order), <c>target</c>, <c>target_mean</c>, <c>target_scale</c>,
/// <c>hidden_sizes</c> and <c>dropout</c>, and for Magpie inputs <c>magpie_mean</c> and <c>magpie_scale</c> (145
/// space-separated round-trip numbers each); enough to rebuild the network and its input encoding.
/// </summary>
public static class MlpCheckpoint
{
    public const int FormatVersion = 1;

    /// <returns>The member file names written into <paramref name="folder"/>.</returns>
    public static IReadOnlyList<string> Save(string folder, MlpPredictor predictor)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        var metadata = new Dictionary<string, string>
        {
            ["format_version"] = FormatVersion.ToString(CultureInfo.InvariantCulture),
            ["kind"] = MlpPredictor.Kind,
            ["feature_set"] = predictor.FeatureSetId,
            ["elements"] = string.Join(' ', predictor.Encoder.Fractions.Elements.Select(e => e.Symbol)),
            ["target"] = predictor.TargetProperty,
            ["target_mean"] = predictor.TargetMean.ToString("R", CultureInfo.InvariantCulture),
            ["target_scale"] = predictor.TargetScale.ToString("R", CultureInfo.InvariantCulture),
            ["hidden_sizes"] = string.Join(' ', predictor.Options.HiddenSizes),
            ["dropout"] = predictor.Options.Dropout.ToString("R", CultureInfo.InvariantCulture),
        };
        if (predictor.Encoder.Magpie is { } magpie)
        {
            metadata["magpie_mean"] = Numbers(magpie.Means);
            metadata["magpie_scale"] = Numbers(magpie.Scales);
        }

        var names = new List<string>();
        for (var k = 0; k < predictor.Members.Count; k++)
        {
            names.Add($"member-{k}.safetensors");
            predictor.Members[k].Save(Path.Combine(folder, names[^1]), metadata);
        }

        return names;
    }

    /// <exception cref="IncompatibleModelException">A file has another format version or feature set than <paramref name="expectedFeatureSetId"/>.</exception>
    /// <exception cref="InvalidDataException">A file lacks metadata or its tensors do not fit the network it describes.</exception>
    public static MlpPredictor Load(IReadOnlyList<string> files, string target, string expectedFeatureSetId, PredictorCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(files);
        var members = new List<Module>();
        MlpInputEncoder? encoder = null;
        double mean = 0, scale = 1;
        var options = new MlpOptions();
        foreach (var file in files)
        {
            var checkpoint = SafeTensorsFile.Read(file);
            var metadata = checkpoint.Metadata;
            Check(file, metadata, "format_version", FormatVersion.ToString(CultureInfo.InvariantCulture));
            Check(file, metadata, "feature_set", expectedFeatureSetId);
            encoder = Encoder(file, metadata);
            mean = Number(file, metadata, "target_mean");
            scale = Number(file, metadata, "target_scale");
            options = new MlpOptions
            {
                HiddenSizes = Value(file, metadata, "hidden_sizes").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList(),
                Dropout = (float)Number(file, metadata, "dropout"),
                MagpieInputs = encoder.Magpie is not null,
            };
            if (encoder.FeatureSetId != expectedFeatureSetId)
            {
                throw new InvalidDataException($"'{file}' declares feature set '{expectedFeatureSetId}' but its metadata describes '{encoder.FeatureSetId}' inputs.");
            }

            var network = MlpNetwork.Build(encoder.Count, options.HiddenSizes, options.Dropout, new Random(0));
            try
            {
                network.LoadStateDict(checkpoint.Tensors);
            }
            catch (ArgumentException exception)
            {
                throw new InvalidDataException($"'{file}': {exception.Message}", exception);
            }

            members.Add(network);
        }

        return new MlpPredictor(target, encoder!, members, mean, scale, calibration, options);
    }

    private static MlpInputEncoder Encoder(string file, IReadOnlyDictionary<string, string> metadata)
    {
        var fractions = new ElementFractionEncoder(Value(file, metadata, "elements").Split(' ').Select(ElementTable.Default.Get).ToList());
        if (!metadata.ContainsKey("magpie_mean"))
        {
            return new MlpInputEncoder(fractions);
        }

        try
        {
            return new MlpInputEncoder(fractions, new FeatureStandardizer(NumberList(file, metadata, "magpie_mean"), NumberList(file, metadata, "magpie_scale")));
        }
        catch (ArgumentException exception)
        {
            throw new InvalidDataException($"'{file}': {exception.Message}", exception);
        }
    }

    private static string Numbers(IReadOnlyList<double> values) =>
        string.Join(' ', values.Select(value => value.ToString("R", CultureInfo.InvariantCulture)));

    private static double[] NumberList(string file, IReadOnlyDictionary<string, string> metadata, string key) =>
        Value(file, metadata, key).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new InvalidDataException($"'{file}' metadata '{key}' holds '{text}', not a number."))
            .ToArray();

    private static void Check(string file, IReadOnlyDictionary<string, string> metadata, string key, string expected)
    {
        var found = Value(file, metadata, key);
        if (found != expected)
        {
            throw new IncompatibleModelException(file, expected, found, $"'{file}' has {key} '{found}', but '{expected}' was expected.");
        }
    }

    private static string Value(string file, IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"'{file}' has no '{key}' in its safetensors metadata.");

    private static double Number(string file, IReadOnlyDictionary<string, string> metadata, string key) =>
        double.TryParse(Value(file, metadata, key), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidDataException($"'{file}' metadata '{key}' is not a number.");
}
