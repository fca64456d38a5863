using System.Text.Json;
using MatGenDiscovery.Datasets.Catalog;
using MatGenDiscovery.Models.Configuration;
using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.MatGan;
using MatGenDiscovery.Models.Generative.Training;

namespace MatGenDiscovery.Models.Generative.Experiments;

/// <summary>
/// Strict JSON for <see cref="ExperimentConfig"/>: snake_case names, unknown properties and missing required fields
/// rejected, then a semantic check of every field. The canonical form (compact, every field written) is what
/// <see cref="Hash"/> digests.
/// </summary>
public static class ExperimentConfigSerializer
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ExperimentConfigException">The JSON is malformed, has an unknown or missing field, or a field is invalid.</exception>
    public static ExperimentConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"experiment config '{path}' does not exist", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <param name="source">Names the JSON in error messages (usually the file path).</param>
    /// <exception cref="ExperimentConfigException">See <see cref="Load"/>.</exception>
    public static ExperimentConfig Parse(string json, string source)
    {
        ExperimentConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ExperimentConfig>(json, StrictConfigJson.Options);
        }
        catch (JsonException ex)
        {
            throw new ExperimentConfigException($"experiment config '{source}': {ex.Message}", ex);
        }

        if (config is null)
        {
            throw new ExperimentConfigException($"experiment config '{source}': the document is null, expected an object");
        }

        Validate(config, source);
        return config;
    }

    /// <summary>Compact JSON with every field written, in declaration order.</summary>
    public static string ToCanonicalJson(ExperimentConfig config) => StrictConfigJson.ToCanonicalJson(config);

    public static string ToIndentedJson(ExperimentConfig config) => StrictConfigJson.ToIndentedJson(config);

    /// <summary>Lower-case hex SHA-256 of <see cref="ToCanonicalJson"/>.</summary>
    public static string Hash(ExperimentConfig config) => StrictConfigJson.Hash(config);

    private static void Validate(ExperimentConfig config, string source)
    {
        void Fail(string field, string problem) =>
            throw new ExperimentConfigException($"experiment config '{source}': field '{field}': {problem}");

        var model = config.Model;
        if (!ModelKinds.All.Contains(model.Kind))
        {
            Fail("model.kind", $"unknown model kind '{model.Kind}'; expected one of {string.Join(", ", ModelKinds.All)}");
        }

        if (ModelKinds.UsesCountMatrix(model.Kind))
        {
            if (model.Network is { } network && !ModelKinds.Networks.Contains(network))
            {
                Fail("model.network", $"unknown network '{network}'; expected one of {string.Join(", ", ModelKinds.Networks)}");
            }
        }
        else if (model.Network is not null)
        {
            Fail("model.network", $"a {model.Kind} model has a fixed network; remove the field");
        }

        Positive(model.LatentSize, "model.latent_size", Fail);
        Positive(model.CriticSteps, "model.critic_steps", Fail);
        PositiveReal(model.GeneratorLearningRate, "model.generator_learning_rate", Fail);
        PositiveReal(model.CriticLearningRate, "model.critic_learning_rate", Fail);
        Fraction(model.Beta1, "model.beta1", Fail);
        Fraction(model.Beta2, "model.beta2", Fail);
        if (model.GradientPenaltyWeight is { } lambda && !(lambda >= 0 && double.IsFinite(lambda)))
        {
            Fail("model.gradient_penalty_weight", $"must be finite and non-negative, got {lambda}");
        }

        DatasetDescriptor descriptor;
        try
        {
            descriptor = DatasetCatalog.Get(config.Data.Dataset);
        }
        catch (UnknownDatasetException ex)
        {
            Fail("data.dataset", ex.Message);
            throw;
        }

        if (ModelKinds.IsConditional(model.Kind))
        {
            if (model.TargetProperty is null)
            {
                Fail("model.target_property", $"a {model.Kind} model needs the property it is conditioned on");
            }

            if (!descriptor.PropertyColumns.Contains(model.TargetProperty!))
            {
                Fail("model.target_property", $"dataset '{descriptor.Name}' has no property '{model.TargetProperty}'; it has: {Columns(descriptor)}");
            }
        }
        else if (model.TargetProperty is not null)
        {
            Fail("model.target_property", $"a {model.Kind} model is unconditional; remove the field");
        }

        if (model.UseDescriptors && model.Kind != ModelKinds.CondGan)
        {
            Fail("model.use_descriptors", "only condgan supports the descriptor (x^bp) variant");
        }

        if (model.FractionScaling is { } scaling && (model.Kind != ModelKinds.CondGan || scaling != FractionScalings.PerElement))
        {
            Fail("model.fraction_scaling", $"only condgan supports it, with the value '{FractionScalings.PerElement}'; got '{scaling}' for {model.Kind}");
        }

        if (model.MaxGeneratedElements is not null && model.Kind != ModelKinds.CondGan)
        {
            Fail("model.max_generated_elements", "only condgan supports a cap on generated elements");
        }

        Positive(model.MaxGeneratedElements, "model.max_generated_elements", Fail);
        if (model.PropertyLossWeight is not null && model.Kind != ModelKinds.CondGan)
        {
            Fail("model.property_loss_weight", "only condgan supports a property loss weight");
        }

        PositiveReal(model.PropertyLossWeight, "model.property_loss_weight", Fail);
        if (model.CriticNormalization is { } normalization
            && (model.Kind != ModelKinds.MatGan || (model.Network ?? ModelKinds.MatGanMpNetwork) != ModelKinds.MatGanMpNetwork
                || !CriticNormalizations.All.Contains(normalization)))
        {
            Fail("model.critic_normalization", $"only matgan with the {ModelKinds.MatGanMpNetwork} network supports it, with one of {string.Join(", ", CriticNormalizations.All)}; got '{normalization}' for {model.Kind}/{model.Network ?? ModelKinds.MatGanMpNetwork}");
        }

        if (model.GeneratorEmaDecay is { } emaDecay && (model.Kind != ModelKinds.MatGan || !(emaDecay > 0 && emaDecay < 1)))
        {
            Fail("model.generator_ema_decay", $"only matgan supports generator weight averaging, with a decay in (0, 1); got {emaDecay} for {model.Kind}");
        }

        if (model.CriticConditioning is { } conditioning && (model.Kind != ModelKinds.CondGan || !CriticConditionings.All.Contains(conditioning)))
        {
            Fail("model.critic_conditioning", $"only condgan supports it, with one of {string.Join(", ", CriticConditionings.All)}; got '{conditioning}' for {model.Kind}");
        }

        if (config.Training.SelectBy is not null && model.Kind != ModelKinds.MatGan)
        {
            Fail("training.select_by", $"checkpoint selection probes unconditional generation; only matgan supports it, not {model.Kind}");
        }

        if (model.PropertyRegressorSteps is not null && model.Kind != ModelKinds.CondGan)
        {
            Fail("model.property_regressor_steps", $"only condgan supports a pre-trained property regressor; got it for {model.Kind}");
        }

        Positive(model.PropertyRegressorSteps, "model.property_regressor_steps", Fail);
        if (model.GeneratorOutput is { } output)
        {
            var mlpMatGan = model.Kind == ModelKinds.MatGan && model.Network == ModelKinds.MlpNetwork;
            var allowed = model.Kind switch
            {
                ModelKinds.CondGan => GeneratorOutputs.ForCondGan,
                ModelKinds.CondVae => GeneratorOutputs.ForCondVae,
                _ => mlpMatGan ? GeneratorOutputs.ForMatGan : [],
            };
            if (!allowed.Contains(output))
            {
                Fail("model.generator_output", allowed.Count == 0
                    ? $"only condgan, condvae and matgan with the {ModelKinds.MlpNetwork} network support it; got '{output}' for {model.Kind}/{model.Network ?? "default network"}"
                    : $"expected one of {string.Join(", ", allowed)} for {model.Kind}; got '{output}'");
            }
        }

        Widths(model.GeneratorHidden, "model.generator_hidden", model.Kind, Fail);
        Widths(model.CriticHidden, "model.critic_hidden", model.Kind, Fail);
        ValidateData(config.Data, descriptor, Fail);
        ValidateTraining(config.Training, Fail);
    }

    private static void ValidateData(DataConfig data, DatasetDescriptor descriptor, Action<string, string> fail)
    {
        if (!(data.LeaveOutFraction >= 0 && data.LeaveOutFraction < 1))
        {
            fail("data.leave_out_fraction", $"must be in [0, 1), got {data.LeaveOutFraction}");
        }

        Positive(data.MaxTrainingRows, "data.max_training_rows", fail);
        Positive(data.Filter.MaxArity, "data.filter.max_arity", fail);
        for (var i = 0; i < data.Filter.Properties.Count; i++)
        {
            var range = data.Filter.Properties[i];
            var field = $"data.filter.properties[{i}]";
            if (!descriptor.PropertyColumns.Contains(range.Name))
            {
                fail(field + ".name", $"dataset '{descriptor.Name}' has no property '{range.Name}'; it has: {Columns(descriptor)}");
            }

            if (range.Min is null && range.Max is null)
            {
                fail(field, "give min, max or both");
            }

            if (range.Min is { } min && range.Max is { } max && !(min <= max))
            {
                fail(field, $"min {min} is greater than max {max}");
            }
        }
    }

    private static void ValidateTraining(TrainingConfig training, Action<string, string> fail)
    {
        Positive(training.Steps, "training.steps", fail);
        Positive(training.BatchSize, "training.batch_size", fail);
        Positive(training.CheckpointInterval, "training.checkpoint_interval", fail);
        Positive(training.LogInterval, "training.log_interval", fail);
        Positive(training.KeepCheckpoints, "training.keep_checkpoints", fail);
        if (training.SelectBy is { } criterion && !CheckpointSelection.Criteria.Contains(criterion))
        {
            fail("training.select_by", $"unknown selection criterion '{criterion}'; expected one of {string.Join(", ", CheckpointSelection.Criteria)}");
        }

        if (training.SelectionSamples is not null && training.SelectBy is null)
        {
            fail("training.selection_samples", "only applies with training.select_by");
        }

        Positive(training.SelectionSamples, "training.selection_samples", fail);
    }

    private static string Columns(DatasetDescriptor descriptor) =>
        descriptor.PropertyColumns.Count == 0 ? "none" : string.Join(", ", descriptor.PropertyColumns);

    private static void Positive(int? value, string field, Action<string, string> fail)
    {
        if (value is <= 0)
        {
            fail(field, $"must be positive, got {value}");
        }
    }

    private static void Widths(IReadOnlyList<int>? widths, string field, string kind, Action<string, string> fail)
    {
        if (widths is null)
        {
            return;
        }

        if (kind != ModelKinds.CondGan)
        {
            fail(field, $"only condgan supports configurable layer widths; got it for {kind}");
        }

        if (widths.Count == 0)
        {
            fail(field, "give at least one hidden width, or remove the field for the published network");
        }

        for (var i = 0; i < widths.Count; i++)
        {
            Positive(widths[i], $"{field}[{i}]", fail);
        }
    }

    private static void PositiveReal(double? value, string field, Action<string, string> fail)
    {
        if (value is { } v && !(v > 0 && double.IsFinite(v)))
        {
            fail(field, $"must be finite and positive, got {v}");
        }
    }

    private static void Fraction(double? value, string field, Action<string, string> fail)
    {
        if (value is { } v && !(v >= 0 && v < 1))
        {
            fail(field, $"must be in [0, 1), got {v}");
        }
    }
}
