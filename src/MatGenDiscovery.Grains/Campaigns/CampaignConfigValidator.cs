using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Datasets.Catalog;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Models.Generative.Experiments;

namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>Semantic checks of a campaign config; each failure names the source, the field and what is wrong.</summary>
public static class CampaignConfigValidator
{
    public static readonly IReadOnlyList<string> AcquisitionKinds = ["ei", "ucb", "greedy", "random"];
    public static readonly IReadOnlyList<string> TargetModes = ["range", "maximize", "minimize"];
    public static readonly IReadOnlyList<string> GeneratorKinds = ["model", "random"];

    /// <exception cref="CampaignConfigException">The first problem found.</exception>
    public static void Validate(CampaignConfig config, string source)
    {
        void Fail(string field, string problem) =>
            throw new CampaignConfigException($"campaign config '{source}': field '{field}': {problem}");

        if (string.IsNullOrWhiteSpace(config.Name))
        {
            Fail("name", "must not be empty");
        }

        var training = Dataset(config.TrainingDataset, "training_dataset", Fail);
        ValidateTargets(config, Fail);
        ValidatePredictors(config, Fail);
        ValidateConstraints(config.Constraints, Fail);
        ValidateGenerators(config, Fail);
        if (config.Budget.Rounds < 1)
        {
            Fail("budget.rounds", $"must be positive, got {config.Budget.Rounds}");
        }

        if (config.Budget.ExperimentsPerRound < 1)
        {
            Fail("budget.experiments_per_round", $"must be positive, got {config.Budget.ExperimentsPerRound}");
        }

        if (config.Budget.CandidatesPerRound < 1)
        {
            Fail("budget.candidates_per_round", $"must be positive, got {config.Budget.CandidatesPerRound}");
        }

        if (config.Budget.Patience is < 1)
        {
            Fail("budget.patience", $"must be positive, got {config.Budget.Patience}");
        }

        if (!AcquisitionKinds.Contains(config.Acquisition.Kind))
        {
            Fail("acquisition.kind", $"unknown acquisition '{config.Acquisition.Kind}'; expected one of {string.Join(", ", AcquisitionKinds)}");
        }

        if (!(config.Acquisition.Kappa >= 0) || !(config.Acquisition.Xi >= 0))
        {
            Fail("acquisition", "kappa and xi must be non-negative");
        }

        var oracle = Dataset(config.Oracle.Dataset, "oracle.dataset", Fail);
        if (string.Equals(oracle.Name, training.Name, StringComparison.OrdinalIgnoreCase))
        {
            Fail("oracle.dataset", $"the oracle must be a database the generators were not trained on, but it is the training dataset '{training.Name}'");
        }

        foreach (var target in config.Targets)
        {
            var column = target.OracleProperty ?? target.Property;
            if (!oracle.PropertyColumns.Contains(column))
            {
                Fail("targets.oracle_property", $"oracle dataset '{oracle.Name}' has no property '{column}'; it has: {string.Join(", ", oracle.PropertyColumns)}");
            }
        }

        for (var i = 0; i < config.Oracle.ConfirmationDatasets.Count; i++)
        {
            Dataset(config.Oracle.ConfirmationDatasets[i], $"oracle.confirmation_datasets[{i}]", Fail);
        }
    }

    private static void ValidateTargets(CampaignConfig config, Action<string, string> fail)
    {
        if (config.Targets.Count == 0)
        {
            fail("targets", "give at least one target");
        }

        for (var i = 0; i < config.Targets.Count; i++)
        {
            var target = config.Targets[i];
            var field = $"targets[{i}]";
            if (!TargetModes.Contains(target.Mode))
            {
                fail(field + ".mode", $"unknown mode '{target.Mode}'; expected one of {string.Join(", ", TargetModes)}");
            }

            if (target.Mode == "range" && !(target.Min is { } min && target.Max is { } max && min <= max))
            {
                fail(field, "a range target needs min ≤ max");
            }

            if (target.Mode == "maximize" && target.Min is null)
            {
                fail(field + ".min", "a maximize target needs min: the value a hit must reach");
            }

            if (target.Mode == "minimize" && target.Max is null)
            {
                fail(field + ".max", "a minimize target needs max: the value a hit must not exceed");
            }

            if (!(target.Weight > 0 && double.IsFinite(target.Weight)))
            {
                fail(field + ".weight", $"must be finite and positive, got {target.Weight}");
            }

            if (config.Targets.Take(i).Any(t => t.Property == target.Property))
            {
                fail(field + ".property", $"property '{target.Property}' is targeted twice");
            }
        }
    }

    private static void ValidatePredictors(CampaignConfig config, Action<string, string> fail)
    {
        for (var i = 0; i < config.Predictors.Count; i++)
        {
            var predictor = config.Predictors[i];
            var field = $"predictors[{i}]";
            var dataset = Dataset(predictor.Dataset, field + ".dataset", fail);
            if (!dataset.PropertyColumns.Contains(predictor.Property))
            {
                fail(field + ".property", $"dataset '{dataset.Name}' has no property '{predictor.Property}'; it has: {string.Join(", ", dataset.PropertyColumns)}");
            }

            if (predictor.EnsembleSize < 2)
            {
                fail(field + ".ensemble_size", $"needs at least 2 members to estimate uncertainty, got {predictor.EnsembleSize}");
            }

            if (predictor.Trees < 1 || predictor.MaxTrainingRows < 1)
            {
                fail(field, "trees and max_training_rows must be positive");
            }

            if (!(predictor.CorrectionLengthScale > 0))
            {
                fail(field + ".correction_length_scale", $"must be positive, got {predictor.CorrectionLengthScale}");
            }
        }

        foreach (var target in config.Targets)
        {
            if (!config.Predictors.Any(p => p.Property == target.Property))
            {
                fail("predictors", $"target property '{target.Property}' has no predictor");
            }
        }
    }

    private static void ValidateConstraints(ConstraintConfig constraints, Action<string, string> fail)
    {
        foreach (var (list, field) in new[] { (constraints.RequiredElements, "required_elements"), (constraints.ForbiddenElements, "forbidden_elements") })
        {
            foreach (var symbol in list)
            {
                if (!ElementTable.Default.TryGet(symbol, out _))
                {
                    fail($"constraints.{field}", $"unknown element '{symbol}'");
                }
            }
        }

        var both = constraints.RequiredElements.Intersect(constraints.ForbiddenElements).ToList();
        if (both.Count > 0)
        {
            fail("constraints", $"element '{both[0]}' is both required and forbidden");
        }

        if (constraints.MaxArity < 1)
        {
            fail("constraints.max_arity", $"must be positive, got {constraints.MaxArity}");
        }

        if (constraints.RequiredElements.Count > constraints.MaxArity)
        {
            fail("constraints.max_arity", $"{constraints.RequiredElements.Count} required elements exceed max_arity {constraints.MaxArity}");
        }

        try
        {
            OxidationStateSets.Parse(constraints.Validity.OxidationStates);
        }
        catch (ArgumentException ex)
        {
            fail("constraints.validity.oxidation_states", ex.Message);
        }

        if (constraints.AutoencoderCheckpoint is { } path && !File.Exists(path))
        {
            fail("constraints.autoencoder_checkpoint", $"'{path}' does not exist");
        }
    }

    private static void ValidateGenerators(CampaignConfig config, Action<string, string> fail)
    {
        if (config.Generators.Count == 0)
        {
            fail("generators", "give at least one generator");
        }

        for (var i = 0; i < config.Generators.Count; i++)
        {
            var generator = config.Generators[i];
            var field = $"generators[{i}]";
            if (!GeneratorKinds.Contains(generator.Kind))
            {
                fail(field + ".kind", $"unknown generator kind '{generator.Kind}'; expected one of {string.Join(", ", GeneratorKinds)}");
            }

            if (string.IsNullOrWhiteSpace(generator.Name) || !generator.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                fail(field + ".name", $"'{generator.Name}' must be non-empty letters, digits, '-' or '_'");
            }

            if (config.Generators.Take(i).Any(g => g.Name == generator.Name))
            {
                fail(field + ".name", $"generator name '{generator.Name}' is used twice");
            }

            if (generator.SamplesPerRound < 1 || generator.FineTuneSteps < 0 || generator.FineTuneBatchSize < 1 || generator.MaxCount < 1)
            {
                fail(field, "samples_per_round, fine_tune_batch_size and max_count must be positive and fine_tune_steps non-negative");
            }

            if (generator.Kind == "model")
            {
                ValidateModelGenerator(generator, field, fail);
            }
        }
    }

    private static void ValidateModelGenerator(GeneratorConfig generator, string field, Action<string, string> fail)
    {
        if (generator.Experiment is null && generator.Checkpoint is null)
        {
            fail(field, "a model generator needs 'experiment', 'experiment_file' or 'checkpoint'");
        }

        if (generator.Checkpoint is { } checkpoint && !File.Exists(checkpoint))
        {
            fail(field + ".checkpoint", $"'{checkpoint}' does not exist");
        }

        if (generator.TrainingSteps is < 1)
        {
            fail(field + ".training_steps", $"must be positive, got {generator.TrainingSteps}");
        }

        if (generator.Experiment is { } experiment)
        {
            try
            {
                var parsed = ExperimentConfigSerializer.Parse(experiment.GetRawText(), field + ".experiment");
                if (parsed.Model.Kind == ModelKinds.Autoencoder)
                {
                    fail(field + ".experiment.model.kind", "an autoencoder cannot generate; use it as constraints.autoencoder_checkpoint");
                }
            }
            catch (ExperimentConfigException ex)
            {
                fail(field + ".experiment", ex.Message);
            }
        }
    }

    private static DatasetDescriptor Dataset(string name, string field, Action<string, string> fail)
    {
        try
        {
            return DatasetCatalog.Get(name);
        }
        catch (UnknownDatasetException ex)
        {
            fail(field, ex.Message);
            throw;
        }
    }
}
