using System.Text.Json;
using MatGenDiscovery.Models.Predictors;
using MatGenDiscovery.Models.Predictors.Gbdt;
using MatGenDiscovery.Models.Predictors.Mlp;
using MatGenDiscovery.Models.Predictors.Storage;

namespace MatGenDiscovery.Cli.Tests.Commands;

public class PredictorTrainCommandTests
{
    [Fact]
    public async Task Run_SmallMpSlice_PrintsMetricsAndWritesLoadableModel()
    {
        using var folder = new TemporaryDirectory();
        var output = folder.File("fe-model");

        var result = await CliHarness.RunAsync(
            "predictor", "train", "--dataset", "mp", "--target", "formation_energy", "--model", "gbdt",
            "--preset", "fast", "--ensemble", "2", "--limit", "2000", "--seed", "1", "--output", output);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("test MAE").And.Contain("test R²").And.Contain("within ±1σ").And.Contain("wrote gbdt model (2 members)");
        result.Error.Should().Contain("training members 2/2");
        var (predictor, manifest) = PredictorStore.Load(output);
        predictor.Should().BeOfType<GbdtPredictor>().Which.Members.Should().HaveCount(2);
        manifest.Target.Should().Be("formation_energy_per_atom");
        manifest.Seed.Should().Be(1);
        manifest.Metrics!.TestCount.Should().Be(200);
        manifest.Metrics.Test.MeanAbsoluteError.Should().BeInRange(0.01, 0.5, "a 2,000-row GBDT is far from perfect but far better than chance");
        Directory.GetFileSystemEntries(folder.Path).Should().Equal([output], "no staging folder is left behind");
    }

    [Fact]
    public async Task Run_OutputIsAnExistingFile_FailsWithOneLineErrorNamingIt()
    {
        using var folder = new TemporaryDirectory();
        var output = folder.File("taken");
        File.WriteAllText(output, "not a model folder");

        var result = await CliHarness.RunAsync(
            "predictor", "train", "--target", "band_gap", "--preset", "fast", "--limit", "300", "--output", output);

        result.ExitCode.Should().Be(1);
        result.Error.Trim().Split('\n').Should().ContainSingle(line => line.StartsWith("error: ") && line.Contains(output));
        File.ReadAllText(output).Should().Be("not a model folder", "the existing file is left as it was");
    }

    [Fact]
    public async Task Run_BandGapWithClassifierAndJson_PrintsClassifierMetrics()
    {
        using var folder = new TemporaryDirectory();

        var result = await CliHarness.RunAsync(
            "predictor", "train", "--target", "band_gap", "--preset", "fast", "--ensemble", "2", "--limit", "2000",
            "--classifier", "--json", "--output", folder.File("gap"));

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var metrics = json.RootElement.GetProperty("manifest").GetProperty("metrics");
        metrics.GetProperty("classifier").GetProperty("rocAuc").GetDouble().Should().BeInRange(0.6, 1.0);
        metrics.GetProperty("testWithMetalGate").GetProperty("meanAbsoluteError").GetDouble().Should().BeGreaterThan(0);
        json.RootElement.GetProperty("manifest").GetProperty("classifierFile").GetString().Should().Be("metal-classifier.json");
        File.Exists(Path.Combine(folder.File("gap"), "metal-classifier.json")).Should().BeTrue();
    }

    [Fact]
    public async Task Run_GbdtPlusMlp_WritesAnAveragedModelThatPredictCanUse()
    {
        using var folder = new TemporaryDirectory();
        // Formulas from the first MP rows, so both parts know their elements (the MLP's element list comes from the slice).
        File.WriteAllText(folder.File("in.txt"), "Ac2AgIr\nAc2AgPb\n");

        var train = await CliHarness.RunAsync(
            "predictor", "train", "--target", "formation_energy", "--model", "gbdt+mlp", "--preset", "fast", "--ensemble", "2",
            "--limit", "1000", "--epochs", "2", "--hidden", "32,16", "--mlp-ensemble", "1", "--mlp-inputs", "fractions-magpie", "--patience", "2",
            "--output", folder.File("both"));
        var predict = await CliHarness.RunAsync("predict", "--model", folder.File("both"), "--input", folder.File("in.txt"), "--output", folder.File("out.csv"));

        train.ExitCode.Should().Be(0, train.Error);
        train.Output.Should().Contain("wrote average model (2 members)");
        Directory.Exists(Path.Combine(folder.File("both"), "part-1-mlp")).Should().BeTrue();
        train.Output.Should().Contain("part weights (fitted on validation)");
        var (model, manifest) = PredictorStore.Load(folder.File("both"));
        manifest.PartWeights.Should().HaveCount(2).And.Subject.Sum().Should().BeApproximately(1, 1e-9);
        var mlp = model.Should().BeOfType<AveragedPredictor>().Which.Parts[1].Should().BeOfType<MlpPredictor>().Subject;
        mlp.Members.Should().ContainSingle();
        mlp.FeatureSetId.Should().EndWith("-magpie-145-v1");
        manifest.Config!.Value.GetProperty("mlp").GetProperty("patience").GetInt32().Should().Be(2);
        predict.ExitCode.Should().Be(0, predict.Error);
        predict.Output.Should().Contain("for 2 of 2 formulas").And.Contain("average model");
    }

    [Theory]
    [InlineData("--mlp-inputs", "elemnet", "unknown --mlp-inputs 'elemnet'")]
    [InlineData("--mlp-ensemble", "0", "--mlp-ensemble 0 must be at least 1")]
    [InlineData("--patience", "0", "--patience 0 must be at least 1")]
    public async Task Run_InvalidMlpOption_FailsNamingIt(string option, string value, string message)
    {
        using var folder = new TemporaryDirectory();

        var result = await CliHarness.RunAsync(
            "predictor", "train", "--target", "formation_energy", "--model", "mlp", option, value, "--output", folder.File("m"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain(message);
        Directory.Exists(folder.File("m")).Should().BeFalse();
    }

    [Fact]
    public async Task Run_UnknownTarget_FailsNamingTheDatasetProperties()
    {
        using var folder = new TemporaryDirectory();

        var result = await CliHarness.RunAsync("predictor", "train", "--target", "volume", "--output", folder.File("m"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("'volume'").And.Contain("formation_energy_per_atom, band_gap");
        Directory.Exists(folder.File("m")).Should().BeFalse();
    }

    [Fact]
    public async Task Run_UnknownModelKind_Fails()
    {
        using var folder = new TemporaryDirectory();

        var result = await CliHarness.RunAsync("predictor", "train", "--target", "band_gap", "--model", "svm", "--output", folder.File("m"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("unknown --model 'svm'");
    }
}
