using System.Text.Json;
using System.Text.Json.Serialization;
using MatGenDiscovery.Models.Predictors.Evaluation;

namespace MatGenDiscovery.Models.Predictors.Storage;

/// <summary>
/// <c>model.json</c> of a saved predictor folder: what was trained (kind, feature set, target, configuration, seed),
/// which files hold the ensemble members and the optional metal classifier, the post-processing, and the metrics.
/// </summary>
public sealed record PredictorManifest
{
    public const int CurrentFormatVersion = 1;
    public const string FileName = "model.json";

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required string Kind { get; init; }

    public required string FeatureSetId { get; init; }

    public required string Target { get; init; }

    public string Dataset { get; init; } = "";

    public int Seed { get; init; }

    public IReadOnlyList<string> MemberFiles { get; init; } = [];

    public string? ClassifierFile { get; init; }

    public PredictorCalibration Calibration { get; init; } = PredictorCalibration.None;

    /// <summary>Weights of an averaged predictor's parts (<see cref="AveragedPredictor.Weights"/>); absent means equal.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? PartWeights { get; init; }

    /// <summary>Training configuration (preset name, GBDT or MLP options, ensemble size, split fractions).</summary>
    public JsonElement? Config { get; init; }

    public PredictorEvaluation? Metrics { get; init; }
}
