using MatGenDiscovery.Models.Predictors.GradientBoosting;

namespace MatGenDiscovery.Models.Tests.Predictors.GradientBoosting;

public sealed class GradientBoostedTreesSerializerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gbdt-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void SaveThenLoad_RegressionWithMissingValues_PredictsBitIdentically()
    {
        var (x, y) = SyntheticData.Friedman1(1_500, 1.0, seed: 30);
        for (var i = 0; i < x.Length; i += 7)
        {
            x[i] = double.NaN;
        }

        var options = new GradientBoostingOptions { NumTrees = 15, Subsample = 0.7, EarlyStoppingRounds = 50, Seed = 2 };
        var model = new GradientBoostingTrainer(options).Fit<double>(x.AsSpan(0, 10_000), 10, y.AsSpan(0, 1_000), x.AsSpan(10_000), y.AsSpan(1_000)).Model;
        var schema = Schema("friedman-10-v1", 10);
        var path = Path.Combine(_directory, "friedman.json");

        GradientBoostedTreesSerializer.Save(model, schema, path);
        var (loaded, loadedSchema) = GradientBoostedTreesSerializer.Load(path, "friedman-10-v1");

        loaded.PredictRows<double>(x).Should().Equal(model.PredictRows<double>(x));
        loaded.Options.Should().Be(options);
        loaded.BaseScore.Should().Be(model.BaseScore);
        loadedSchema.Id.Should().Be("friedman-10-v1");
        loadedSchema.Names.Should().Equal(schema.Names);
        GradientBoostedTreesSerializer.Serialize(loaded, loadedSchema).Should().Be(File.ReadAllText(path));
    }

    [Fact]
    public void SaveThenLoad_LogisticModelWithNaNOnlySplit_PredictsBitIdentically()
    {
        var x = Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? double.NaN : i / 400.0).ToArray();
        var y = x.Select(value => double.IsNaN(value) ? 1.0 : 0.0).ToArray();
        var options = new GradientBoostingOptions { Loss = GradientBoostingLoss.Logistic, NumTrees = 3, MaxLeaves = 2 };
        var model = new GradientBoostingTrainer(options).Fit<double>(x, 1, y).Model;
        model.Trees[0].Nodes[0].Threshold.Should().Be(double.PositiveInfinity);

        var json = GradientBoostedTreesSerializer.Serialize(model, Schema("one", 1));
        var (loaded, _) = GradientBoostedTreesSerializer.Deserialize(json, "one");

        loaded.PredictRows<double>(x).Should().Equal(model.PredictRows<double>(x));
        loaded.PredictRow<double>([double.NaN]).Should().BeGreaterThan(0.5);
    }

    [Fact]
    public void Load_DifferentFeatureSet_ThrowsNamingFileAndBothIds()
    {
        var path = SaveSmallModel("magpie-145-v1");

        var act = () => GradientBoostedTreesSerializer.Load(path, "magpie-132-v2");

        var exception = act.Should().Throw<IncompatibleModelException>().Which;
        exception.Message.Should().Contain(path).And.Contain("magpie-145-v1").And.Contain("magpie-132-v2");
        exception.Expected.Should().Be("magpie-132-v2");
        exception.Actual.Should().Be("magpie-145-v1");
    }

    [Fact]
    public void Load_DifferentFormatVersion_ThrowsNamingFileAndBothVersions()
    {
        var path = SaveSmallModel("set");
        var json = File.ReadAllText(path);
        File.WriteAllText(path, json.Replace("\"formatVersion\":1", "\"formatVersion\":99", StringComparison.Ordinal));

        var act = () => GradientBoostedTreesSerializer.Load(path, "set");

        act.Should().Throw<IncompatibleModelException>()
            .WithMessage($"*{path}*version 99*version {GradientBoostedTreesSerializer.FormatVersion}*");
    }

    [Fact]
    public void Load_Garbage_ThrowsInvalidDataNamingFile()
    {
        var path = Path.Combine(_directory, "garbage.json");
        File.WriteAllText(path, "{ not json");

        var act = () => GradientBoostedTreesSerializer.Load(path, "set");

        act.Should().Throw<InvalidDataException>().WithMessage($"*{path}*");
    }

    [Fact]
    public void Load_InvalidOptions_ThrowsInvalidDataNamingFile()
    {
        var path = SaveSmallModel("set");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"maxBins\":255", "\"maxBins\":999", StringComparison.Ordinal));

        var act = () => GradientBoostedTreesSerializer.Load(path, "set");

        act.Should().Throw<InvalidDataException>().WithMessage($"*{path}*MaxBins*");
    }

    [Fact]
    public void Serialize_SchemaNameCountMismatch_Throws()
    {
        var model = SmallModel();

        var act = () => GradientBoostedTreesSerializer.Serialize(model, Schema("set", 3));

        act.Should().Throw<ArgumentException>().WithMessage("*3 features*2*");
    }

    private static FeatureSchema Schema(string id, int count) => new(id, [.. Enumerable.Range(0, count).Select(i => $"feature{i}")]);

    private static GradientBoostedTrees SmallModel()
    {
        double[] x = [0, 1, 1, 0, 2, 1, 3, 0, 4, 1, 5, 0];
        double[] y = [0, 0, 1, 1, 2, 2];
        return new GradientBoostingTrainer(new GradientBoostingOptions { NumTrees = 2, MinSamplesLeaf = 1 }).Fit<double>(x, 2, y).Model;
    }

    private string SaveSmallModel(string featureSetId)
    {
        var path = Path.Combine(_directory, $"{featureSetId}.json");
        GradientBoostedTreesSerializer.Save(SmallModel(), Schema(featureSetId, 2), path);
        return path;
    }
}
