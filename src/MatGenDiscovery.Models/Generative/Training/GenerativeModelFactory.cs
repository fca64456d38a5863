using MatGenDiscovery.Models.Generative.Autoencoder;
using MatGenDiscovery.Models.Generative.CondGan;
using MatGenDiscovery.Models.Generative.CondVae;
using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.MatGan;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>
/// Builds the model an experiment names. Weights are initialised from <c>new Random(seed)</c>; <see cref="Create"/>
/// derives the model's data-dependent definition (element list, target scaling, descriptor matrix) from the training
/// set and attaches it, <see cref="Restore"/> rebuilds the same shapes from checkpoint metadata for loading.
/// </summary>
public static class GenerativeModelFactory
{
    public static GenerativeModel Create(ExperimentConfig config, PreparedData data)
    {
        var settings = ModelDefaults.Resolve(config.Model);
        var random = new Random(config.Seed);
        switch (settings.Kind)
        {
            case ModelKinds.MatGan:
                var matGan = new MatGanModel(settings, random);
                matGan.SetTrainingData(data.Train);
                return matGan;
            case ModelKinds.Autoencoder:
                var autoencoder = new CountMatrixAutoencoder(settings, random);
                autoencoder.SetTrainingData(data.Train);
                return autoencoder;
            case ModelKinds.CondGan:
                var space = ConditionalSpace.FromTraining(data.Train, data.TrainTargets);
                var descriptors = settings.UseDescriptors ? DescriptorProjection.Matrix(space.Bag, data.Train) : null;
                var condGan = new CondGanModel(settings, space, descriptors, random);
                condGan.SetTrainingData(data.Train, data.TrainTargets);
                return condGan;
            case ModelKinds.CondVae:
                var condVae = new CondVaeModel(settings, ConditionalSpace.FromTraining(data.Train, data.TrainTargets), random);
                condVae.SetTrainingData(data.Train, data.TrainTargets);
                return condVae;
            default:
                throw new ArgumentException($"unknown model kind '{settings.Kind}'", nameof(config));
        }
    }

    /// <summary>An untrained model of the checkpoint's shapes, ready for <see cref="GenerativeModel.LoadState"/>.</summary>
    /// <exception cref="InvalidDataException">The metadata lacks what the model kind needs.</exception>
    public static GenerativeModel Restore(ExperimentConfig config, IReadOnlyDictionary<string, string> metadata)
    {
        var settings = ModelDefaults.Resolve(config.Model);
        var random = new Random(config.Seed);
        return settings.Kind switch
        {
            ModelKinds.MatGan => new MatGanModel(settings, random),
            ModelKinds.Autoencoder => new CountMatrixAutoencoder(settings, random),
            ModelKinds.CondGan => RestoreCondGan(settings, ConditionalSpace.FromMetadata(metadata), random),
            ModelKinds.CondVae => new CondVaeModel(settings, ConditionalSpace.FromMetadata(metadata), random),
            _ => throw new ArgumentException($"unknown model kind '{settings.Kind}'", nameof(config)),
        };
    }

    private static CondGanModel RestoreCondGan(ModelDefaults settings, ConditionalSpace space, Random random)
    {
        var descriptors = settings.UseDescriptors
            ? Tensor.Zeros(space.Length, Representations.ElementDescriptorMean.DefaultDescriptors.Count)
            : null;
        return new CondGanModel(settings, space, descriptors, random);
    }
}
