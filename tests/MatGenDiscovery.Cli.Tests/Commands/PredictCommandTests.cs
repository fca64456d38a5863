using System.Globalization;
using System.Text.Json.Nodes;

namespace MatGenDiscovery.Cli.Tests.Commands;

public class PredictCommandTests : IClassFixture<PredictCommandTests.ModelFixture>
{
    private readonly ModelFixture _model;

    public PredictCommandTests(ModelFixture model) => _model = model;

    [Fact]
    public async Task Run_FormulaPerLine_KeepsUnparsableRowsInPlaceWithAnError()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(folder.File("in.txt"), "Fe2O3\nXx3\n\nNaCl\nLiFePO4\n");

        var result = await CliHarness.RunAsync("predict", "--model", _model.Path, "--input", folder.File("in.txt"), "--output", folder.File("out.csv"));

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("for 3 of 4 formulas (1 errors)");
        var lines = File.ReadAllLines(folder.File("out.csv"));
        lines[0].Should().Be("formula,prediction,std,error");
        lines.Skip(1).Select(line => line.Split(',')[0]).Should().Equal("Fe2O3", "Xx3", "NaCl", "LiFePO4");
        var bad = lines[2].Split(',');
        bad[1].Should().BeEmpty();
        bad[2].Should().BeEmpty();
        bad[3].Should().Contain("Xx");
        foreach (var line in new[] { lines[1], lines[3], lines[4] })
        {
            var cells = line.Split(',');
            double.IsFinite(double.Parse(cells[1], CultureInfo.InvariantCulture)).Should().BeTrue();
            double.Parse(cells[2], CultureInfo.InvariantCulture).Should().BeGreaterThan(0, "two bootstrap members disagree");
            cells[3].Should().BeEmpty();
        }
    }

    [Fact]
    public async Task Run_CsvWithFormulaColumn_UsesThatColumn()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(folder.File("in.csv"), "id,formula\n1,MgO\n2,SiO2\n");

        var result = await CliHarness.RunAsync("predict", "--model", _model.Path, "--input", folder.File("in.csv"), "--output", folder.File("out.csv"));

        result.ExitCode.Should().Be(0, result.Error);
        File.ReadAllLines(folder.File("out.csv")).Skip(1).Select(l => l.Split(',')[0]).Should().Equal("MgO", "SiO2");
    }

    [Fact]
    public async Task Run_ModelWithOtherFeatureSet_FailsNamingFileExpectedAndFound()
    {
        using var folder = new TemporaryDirectory();
        var copy = folder.File("model");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(_model.Path))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "model.json")))!.AsObject();
        manifest["featureSetId"] = "magpie-200-v9";
        File.WriteAllText(Path.Combine(copy, "model.json"), manifest.ToJsonString());
        File.WriteAllText(folder.File("in.txt"), "NaCl\n");

        var result = await CliHarness.RunAsync("predict", "--model", copy, "--input", folder.File("in.txt"), "--output", folder.File("out.csv"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("model.json").And.Contain("expected magpie-145-v1").And.Contain("found magpie-200-v9");
        File.Exists(folder.File("out.csv")).Should().BeFalse();
    }

    [Fact]
    public async Task Run_MissingModelFolder_Fails()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(folder.File("in.txt"), "NaCl\n");

        var result = await CliHarness.RunAsync("predict", "--model", folder.File("none"), "--input", folder.File("in.txt"), "--output", folder.File("out.csv"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("none").And.Contain("does not exist");
    }

    /// <summary>One small band-gap model (first 1,500 MP rows, fast preset, 2 members) shared by the tests.</summary>
    public sealed class ModelFixture : IDisposable
    {
        private readonly TemporaryDirectory _folder = new();

        public ModelFixture()
        {
            Path = _folder.File("model");
            var result = CliHarness.RunAsync(
                "predictor", "train", "--target", "band_gap", "--preset", "fast", "--ensemble", "2", "--limit", "1500", "--output", Path)
                .GetAwaiter().GetResult();
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("training the fixture model failed: " + result.Error);
            }
        }

        public string Path { get; }

        public void Dispose() => _folder.Dispose();
    }
}
