using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Datasets.Loading;
using MatGenDiscovery.Models.Generative.CondGan;
using MatGenDiscovery.Models.Generative.CondVae;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.MatGan;
using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Models.Representations;

namespace MatGenDiscovery.Grains.Generators;

/// <summary>
/// Adapter to the generative models (MatGAN, CondGAN, CondVAE): training step k always draws from
/// <see cref="StepRandom.For"/>(seed, k), checkpoints are the models' own safetensors format, and fine-tuning
/// replaces the training data with the given compositions (property-filtered training).
/// </summary>
public sealed class GenerativeCandidateModel : ICandidateModel
{
    private readonly ExperimentConfig _config;
    private readonly GenerativeModel _model;

    private GenerativeCandidateModel(ExperimentConfig config, GenerativeModel model)
    {
        _config = config;
        _model = model;
    }

    public string ModelKind => _config.Model.Kind;

    public bool IsConditional => _model.IsConditional;

    public string? TargetProperty => _config.Model.TargetProperty;

    public bool IsTrainable => true;

    /// <summary>Builds the experiment's model on its data and trains it for <c>training.steps</c> steps.</summary>
    /// <exception cref="ArgumentException">The experiment's model cannot generate (an autoencoder).</exception>
    public static GenerativeCandidateModel Train(ExperimentConfig config, Dataset dataset)
    {
        var data = TrainingDataBuilder.Build(config, dataset);
        var model = GenerativeModelFactory.Create(config, data);
        RequireGenerator(model, config);
        for (var step = 1; step <= config.Training.Steps; step++)
        {
            model.TrainStep(StepRandom.For(config.Seed, step), config.Training.BatchSize);
        }

        return new GenerativeCandidateModel(config, model);
    }

    /// <summary>Loads checkpoint bytes written by <see cref="Save"/> (or by <c>matgen train</c>).</summary>
    /// <summary>Loads a checkpoint held in memory (a blob); errors name <paramref name="source"/>, not the temporary file.</summary>
    /// <exception cref="InvalidDataException">The bytes are truncated, corrupt or not a generative checkpoint.</exception>
    public static (GenerativeCandidateModel Model, int Step) Load(byte[] checkpoint, string source)
    {
        var path = Path.Combine(Path.GetTempPath(), $"matgen-{Guid.NewGuid():N}.safetensors");
        try
        {
            File.WriteAllBytes(path, checkpoint);
            return Load(path);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"checkpoint blob '{source}': {ex.Message.Replace(path, source, StringComparison.Ordinal)}", ex);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Not a generative checkpoint.</exception>
    public static (GenerativeCandidateModel Model, int Step) Load(string path)
    {
        var checkpoint = ModelCheckpoint.Load(path);
        RequireGenerator(checkpoint.Model, checkpoint.Config);
        return (new GenerativeCandidateModel(checkpoint.Config, checkpoint.Model), checkpoint.Step);
    }

    public (IReadOnlyList<Composition> Unique, int Generated, int Decoded) Generate(int count, int seed, double? target)
    {
        var set = _model.Generate(new GenerationRequest(count, seed, _model.IsConditional ? target : null));
        return (set.Unique, set.Generated, set.Decoded);
    }

    public int FineTune(IReadOnlyList<Composition> compositions, IReadOnlyList<double> targets, int fromStep, int steps, int batchSize, int seed)
    {
        var usable = Enumerable.Range(0, compositions.Count).Where(i => CanRepresent(compositions[i].Reduced(), targets[i])).ToList();
        if (usable.Count == 0 || steps == 0)
        {
            return 0;
        }

        var training = usable.Select(i => compositions[i].Reduced()).ToList();
        var values = usable.Select(i => targets[i]).ToList();
        switch (_model)
        {
            case MatGanModel matGan:
                matGan.SetTrainingData(training);
                break;
            case CondVaeModel condVae:
                condVae.SetTrainingData(training, values);
                break;
            case CondGanModel condGan:
                condGan.SetTrainingData(training, values);
                break;
            default:
                throw new InvalidOperationException($"fine-tuning is not supported for {_model.GetType().Name}");
        }

        for (var step = fromStep + 1; step <= fromStep + steps; step++)
        {
            _model.TrainStep(StepRandom.For(seed, step), batchSize);
        }

        return usable.Count;
    }

    public byte[] Save(int step)
    {
        var path = Path.Combine(Path.GetTempPath(), $"matgen-{Guid.NewGuid():N}.safetensors");
        try
        {
            ModelCheckpoint.Save(path, _config, _model, step);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private bool CanRepresent(Composition composition, double target)
    {
        try
        {
            switch (_model)
            {
                case MatGanModel:
                    _ = new CountMatrixData([composition]);
                    return true;
                case CondVaeModel condVae:
                    condVae.Space.Encode([composition], [target]);
                    return true;
                case CondGanModel condGan:
                    condGan.Space.Encode([composition], [target]);
                    return true;
                default:
                    return false;
            }
        }
        catch (RepresentationException)
        {
            return false;
        }
    }

    private static void RequireGenerator(GenerativeModel model, ExperimentConfig config)
    {
        if (!model.CanGenerate)
        {
            throw new ArgumentException($"experiment '{config.Name}': a {config.Model.Kind} model cannot generate candidates");
        }
    }
}
