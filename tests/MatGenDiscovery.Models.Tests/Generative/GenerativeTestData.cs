using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Generative.Experiments;

namespace MatGenDiscovery.Models.Tests.Generative;

/// <summary>Small configs, compositions and the repository's data folder for the generative-model tests.</summary>
internal static class GenerativeTestData
{
    public static string DataFolder { get; } = FindData();

    /// <summary>Binary and ternary compositions that fit MatGAN's matrix.</summary>
    public static IReadOnlyList<Composition> SmallSet { get; } =
        new[] { "NaCl", "KCl", "LiF", "MgO", "CaO", "Fe2O3", "Al2O3", "TiO2", "ZnS", "CuS", "BaTiO3", "SrTiO3", "LiCoO2", "NaNO3", "K2SO4", "GaAs" }
            .Select(Composition.Parse).ToArray();

    public static ExperimentConfig MatGanConfig(int steps = 4, int seed = 7, string network = ModelKinds.MlpNetwork) => new()
    {
        Name = "tiny-matgan",
        Seed = seed,
        Model = new ModelConfig { Kind = ModelKinds.MatGan, Network = network, CriticLearningRate = 1e-3 },
        Data = new DataConfig { Dataset = "expt-gap", MaxTrainingRows = 200 },
        Training = new TrainingConfig { Steps = steps, BatchSize = 16, CheckpointInterval = 2, LogInterval = 1, KeepCheckpoints = 10 },
    };

    public static string Write(ExperimentConfig config, string folder)
    {
        var path = Path.Combine(folder, "config.source.json");
        File.WriteAllText(path, ExperimentConfigSerializer.ToIndentedJson(config));
        return path;
    }

    public static string TemporaryFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "matgen-generative-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var data = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(data, "elements.csv")))
            {
                return data;
            }
        }

        throw new InvalidOperationException("the repository's data/ folder was not found above the test binaries");
    }
}
