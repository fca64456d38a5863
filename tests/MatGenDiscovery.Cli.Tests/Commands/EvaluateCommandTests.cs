using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Generative.Autoencoder;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Models.Reporting;

namespace MatGenDiscovery.Cli.Tests.Commands;

public class EvaluateCommandTests
{
    private const string Config = """
        {
          "name": "evaluate-test",
          "seed": 5,
          "model": { "kind": "condvae", "target_property": "band_gap_expt" },
          "data": { "dataset": "expt-gap", "leave_out_fraction": 0.1 },
          "training": { "steps": 1, "batch_size": 8 }
        }
        """;

    [Fact]
    public async Task Evaluate_ConditionalSamples_WritesJsonWithEveryMetricAndHtml()
    {
        using var directory = new TemporaryDirectory();
        var (generated, config) = await WriteInputsAsync(directory, "formula,target\nZnO,3.3\nZnO,3.3\nNaCl,8.5\nXx2O,1\nGaAs,1.4\nLi7Zr3Te9,2\nFe1O1.3,\n");
        var json = directory.File("report.json");
        var html = directory.File("report.html");

        var result = await CliHarness.RunAsync(
            "evaluate", "--generated", generated, "--config", config, "--json", json, "--html", html,
            "--reference-databases", "icsd", "--enrichment-arities", "2", "--enrichment-max-count", "2", "--repair", "3");

        result.ExitCode.Should().Be(0, result.Error);
        var root = JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement;
        var inputs = root.GetProperty("inputs");
        inputs.GetProperty("samples").GetInt32().Should().Be(6);
        inputs.GetProperty("unparsable").GetInt32().Should().Be(1);
        inputs.GetProperty("unique_samples").GetInt32().Should().Be(5);
        inputs.GetProperty("seed").GetInt32().Should().Be(5);
        inputs.GetProperty("dataset").GetString().Should().Be("expt-gap");
        (inputs.GetProperty("training_size").GetInt32() + inputs.GetProperty("leave_out_size").GetInt32()).Should().BeGreaterThan(4000);
        root.GetProperty("validity").GetArrayLength().Should().Be(8);
        root.GetProperty("uniqueness")[0].GetProperty("share").GetDouble().Should().BeApproximately(5.0 / 6, 1e-12);
        root.GetProperty("novelty").GetProperty("unique").GetInt32().Should().Be(5);
        root.GetProperty("recovery").GetProperty("training").GetProperty("by_arity").GetArrayLength().Should().BeGreaterThan(0);
        root.GetProperty("arity").GetArrayLength().Should().BeGreaterThan(0);
        root.GetProperty("enrichment")[0].GetProperty("arity").GetInt32().Should().Be(2);
        root.GetProperty("conditional").GetProperty("count").GetInt32().Should().Be(5);
        root.GetProperty("confirmation")[0].GetProperty("database").GetString().Should().Be("icsd");
        root.GetProperty("repair").GetProperty("count").GetInt32().Should().Be(3);
        using var reader = XmlReader.Create(html, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        XDocument.Load(reader).Descendants().Should().Contain(e => e.Name.LocalName == "svg");
        result.Output.Should().Contain("novelty").And.Contain("evaluated 6 samples (1 unparsable)");
        Directory.GetFiles(directory.Path).Should().HaveCount(4, "no temporary file is left behind");
    }

    [Fact]
    public async Task Evaluate_CompactGeneratedFile_CountsDrawnSamplesAndUndecoded()
    {
        using var directory = new TemporaryDirectory();
        var (generated, config) = await WriteInputsAsync(directory, "formula,count,first_index\nZnO,1600,0\nNaCl,1,1\nGaAs,300,1500\n,99,2\n");
        var json = directory.File("report.json");

        var result = await CliHarness.RunAsync(
            "evaluate", "--generated", generated, "--config", config, "--json", json, "--enrichment-arities", "none");

        result.ExitCode.Should().Be(0, result.Error);
        var root = JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement;
        var inputs = root.GetProperty("inputs");
        inputs.GetProperty("samples").GetInt32().Should().Be(2000);
        inputs.GetProperty("undecoded").GetInt32().Should().Be(99);
        inputs.GetProperty("unique_samples").GetInt32().Should().Be(3);
        var point = root.GetProperty("uniqueness")[0];
        point.GetProperty("samples").GetInt32().Should().Be(1000);
        point.GetProperty("unique").GetInt32().Should().Be(2, "GaAs first appears at sample 1500");
        root.GetProperty("uniqueness")[1].GetProperty("unique").GetInt32().Should().Be(3);
        result.Output.Should().Contain("undecoded samples");
    }

    [Fact]
    public async Task Evaluate_MissingGeneratedFile_FailsNamingIt()
    {
        using var directory = new TemporaryDirectory();
        var (_, config) = await WriteInputsAsync(directory, "formula\nNaCl\n");
        var missing = directory.File("missing.csv");

        var result = await CliHarness.RunAsync("evaluate", "--generated", missing, "--config", config, "--json", directory.File("r.json"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("missing.csv").And.Contain("does not exist");
        File.Exists(directory.File("r.json")).Should().BeFalse();
    }

    [Fact]
    public async Task Evaluate_BadConfig_FailsNamingTheField()
    {
        using var directory = new TemporaryDirectory();
        var (generated, config) = await WriteInputsAsync(directory, "formula\nNaCl\n");
        await File.WriteAllTextAsync(config, Config.Replace("expt-gap", "nope"));

        var result = await CliHarness.RunAsync("evaluate", "--generated", generated, "--config", config, "--json", directory.File("r.json"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("data.dataset");
    }

    [Fact]
    public async Task Evaluate_NoFormulaColumn_FailsNamingTheFile()
    {
        using var directory = new TemporaryDirectory();
        var (generated, config) = await WriteInputsAsync(directory, "composition\nNaCl\n");

        var result = await CliHarness.RunAsync(
            "evaluate", "--generated", generated, "--config", config, "--json", directory.File("r.json"), "--enrichment-arities", "none");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("generated.csv").And.Contain("no 'formula' column");
    }

    [Fact]
    public async Task Evaluate_AutoencoderRun_AddsDecodabilityOfTheGeneratedSet()
    {
        using var directory = new TemporaryDirectory();
        // Mg149Ti does not fit the 85 × 8 count matrix, so at least one composition is not decodable.
        var (generated, config) = await WriteInputsAsync(directory, "formula,count,first_index\nNaCl,40,0\nZnO,25,1\nMg149Ti,10,2\nGaAs,5,3\n,20,4\n");
        var autoencoder = await TrainTinyAutoencoderAsync(directory);
        var json = directory.File("report.json");

        var result = await CliHarness.RunAsync(
            "evaluate", "--generated", generated, "--config", config, "--json", json, "--enrichment-arities", "none", "--autoencoder", autoencoder);

        result.ExitCode.Should().Be(0, result.Error);
        var text = await File.ReadAllTextAsync(json);
        var root = JsonDocument.Parse(text).RootElement;
        var decodability = root.GetProperty("decodability");
        decodability.GetProperty("distinct").GetInt32().Should().Be(root.GetProperty("inputs").GetProperty("unique_samples").GetInt32()).And.Be(4);
        decodability.GetProperty("samples").GetInt64().Should().Be(80, "the 20 undecoded samples are left out");
        var notDistinct = decodability.GetProperty("not_decodable_distinct").GetInt32();
        notDistinct.Should().BeInRange(1, 4);
        decodability.GetProperty("not_decodable_distinct_share").GetDouble().Should().Be(notDistinct / 4.0);
        var model = (CountMatrixAutoencoder)ModelCheckpoint.Load(ExperimentRun.LatestCheckpoint(autoencoder)!.Value.Path).Model;
        var expected = GeneratedDecodability.Measure(model, GeneratedSamplesReader.Read(generated));
        EvaluationReportJson.Deserialize(text)!.Decodability.Should().Be(expected);
        result.Output.Should().Contain($"not decodable by the autoencoder: {expected.NotDecodableDistinct} of 4 distinct").And.Contain($"{expected.NotDecodableSamples} of 80 decoded samples");
    }

    [Fact]
    public async Task Evaluate_NoAutoencoder_WritesNullDecodabilityAndReportsWithoutTheFieldStillLoad()
    {
        using var directory = new TemporaryDirectory();
        var (generated, config) = await WriteInputsAsync(directory, "formula\nNaCl\nZnO\n");
        var json = directory.File("report.json");

        var result = await CliHarness.RunAsync("evaluate", "--generated", generated, "--config", config, "--json", json, "--enrichment-arities", "none");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().NotContain("decodable");
        var root = JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsObject();
        root["decodability"].Should().BeNull();
        root.ContainsKey("decodability").Should().BeTrue();
        root.Remove("decodability");
        var older = EvaluationReportJson.Deserialize(root.ToJsonString())!;
        older.Decodability.Should().BeNull();
        older.Inputs.UniqueSamples.Should().Be(2);
    }

    [Fact]
    public async Task Evaluate_AutoencoderOptionWithMatGanCheckpoint_FailsNamingFileAndKindAndWritesNothing()
    {
        using var directory = new TemporaryDirectory();
        var (generated, config) = await WriteInputsAsync(directory, "formula\nNaCl\n");
        var run = directory.File("matgan");
        (await CliHarness.RunAsync("train", "--config", TrainCommandTests.TinyConfig(directory), "--output", run)).ExitCode.Should().Be(0);
        var json = directory.File("r.json");

        var result = await CliHarness.RunAsync("evaluate", "--generated", generated, "--config", config, "--json", json, "--autoencoder", run);

        result.ExitCode.Should().Be(1);
        result.Error.Trim().Should().Be(
            $"error: --autoencoder: checkpoint '{Path.Combine(run, "checkpoints", "step-00000004.safetensors")}' holds a matgan model, not an autoencoder");
        File.Exists(json).Should().BeFalse();
    }

    [Fact]
    public async Task Evaluate_MissingAutoencoder_FailsNamingItAndWritesNothing()
    {
        using var directory = new TemporaryDirectory();
        var (generated, config) = await WriteInputsAsync(directory, "formula\nNaCl\n");
        var json = directory.File("r.json");

        var result = await CliHarness.RunAsync("evaluate", "--generated", generated, "--config", config, "--json", json, "--autoencoder", directory.File("ae.safetensors"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("--autoencoder: checkpoint").And.Contain("ae.safetensors' does not exist");
        File.Exists(json).Should().BeFalse();
    }

    /// <summary>A 10-step autoencoder with the 'mlp' networks on 200 rows of the experimental band-gap table.</summary>
    private static async Task<string> TrainTinyAutoencoderAsync(TemporaryDirectory directory)
    {
        var config = directory.File("autoencoder.json");
        await File.WriteAllTextAsync(config, """
            {
              "name": "tiny-autoencoder", "seed": 3,
              "model": { "kind": "autoencoder", "network": "mlp", "latent_size": 16 },
              "data": { "dataset": "expt-gap", "max_training_rows": 200 },
              "training": { "steps": 10, "batch_size": 16, "checkpoint_interval": 10 }
            }
            """);
        var run = directory.File("autoencoder");
        var result = await CliHarness.RunAsync("train", "--config", config, "--output", run);
        result.ExitCode.Should().Be(0, result.Error);
        return run;
    }

    private static async Task<(string Generated, string Config)> WriteInputsAsync(TemporaryDirectory directory, string csv)
    {
        var generated = directory.File("generated.csv");
        var config = directory.File("config.json");
        await File.WriteAllTextAsync(generated, csv);
        await File.WriteAllTextAsync(config, Config);
        return (generated, config);
    }
}
