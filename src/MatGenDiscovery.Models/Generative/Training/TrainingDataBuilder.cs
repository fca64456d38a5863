using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Datasets.Loading;
using MatGenDiscovery.Datasets.Splitting;
using MatGenDiscovery.Models.Generative.Experiments;

namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>Loads an experiment's dataset, filters it, splits off the seeded leave-out set and caps the training rows.</summary>
public static class TrainingDataBuilder
{
    /// <param name="dataFolder">The folder holding the bundled tables (<c>data/</c>).</param>
    /// <exception cref="InvalidDataException">Nothing is left to train on.</exception>
    public static PreparedData Build(ExperimentConfig config, string dataFolder) =>
        Build(config, DatasetLoader.Load(dataFolder, config.Data.Dataset));

    public static PreparedData Build(ExperimentConfig config, Dataset dataset)
    {
        var target = config.Model.TargetProperty;
        var (rows, report) = TrainingSetFilter.Apply(
            dataset, config.Data.Filter, ModelKinds.UsesCountMatrix(config.Model.Kind), target);
        var split = DatasetSplit.LeaveOut(dataset with { Rows = rows }, config.Data.LeaveOutFraction, config.Seed);
        var train = split.Train.Rows;
        if (config.Data.MaxTrainingRows is { } cap && train.Count > cap)
        {
            var random = new Random(config.Seed);
            var indices = Enumerable.Range(0, train.Count).ToArray();
            random.Shuffle(indices);
            train = indices.Take(cap).Order().Select(i => train[i]).ToList();
        }

        if (train.Count == 0)
        {
            throw new InvalidDataException(
                $"experiment '{config.Name}': no training rows left from dataset '{dataset.Name}' ({report})");
        }

        var targetIndex = target is null ? -1 : dataset.PropertyIndex(target);
        return new PreparedData(
            Compositions(train), Targets(train, targetIndex),
            Compositions(split.Test.Rows), Targets(split.Test.Rows, targetIndex),
            report);
    }

    private static Composition[] Compositions(IReadOnlyList<DatasetRow> rows) =>
        rows.Select(r => r.Composition.Reduced()).ToArray();

    private static double[] Targets(IReadOnlyList<DatasetRow> rows, int index) =>
        index < 0 ? [] : rows.Select(r => r.Properties[index]!.Value).ToArray();
}
