using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Models.Generative.Training;

namespace MatGenDiscovery.Cli.Tests.Commands;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A CondVAE on 300 rows of the experimental band-gap table, conditioned on the band gap.</summary>
    private string TinyCondVaeConfig()
    {
        var config = _folder.File("condvae.json");
        File.WriteAllText(config, """
            {
              "name": "tiny-vae", "seed": 2,
              "model": { "kind": "condvae", "target_property": "band_gap_expt", "generator_learning_rate": 0.01, "beta1": 0.9 },
              "data": { "dataset": "expt-gap", "max_training_rows": 300 },
              "training": { "steps": 100, "batch_size": 32, "checkpoint_interval": 100 }
            }
            """);
        return config;
    }

    private async Task<string> TrainAsync(string? config = null)
    {
        var output = _folder.File("run");
        var result = await CliHarness.RunAsync("train", "--config", config ?? TrainCommandTests.TinyConfig(_folder), "--output", output);
        result.ExitCode.Should().Be(0, result.Error);
        return output;
    }

    [Fact]
    public async Task Generate_MatGanRun_WritesDistinctFormulasWithCountsAndFirstIndices()
    {
        var run = await TrainAsync();
        var output = _folder.File("out.csv");

        var result = await CliHarness.RunAsync("generate", "--checkpoint", run, "--count", "2000", "--seed", "3", "--output", output);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("generated 2000").And.Contain("unique").And.Contain("valid");
        var lines = File.ReadAllLines(output);
        lines[0].Should().Be("formula,count,first_index");
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToArray();
        rows.Should().OnlyContain(cells => cells.Length == 3);
        rows.Where(cells => cells[0].Length > 0).Select(cells => cells[0]).Should().OnlyHaveUniqueItems();
        rows.Sum(cells => int.Parse(cells[1])).Should().Be(2000);
        rows.Select(cells => int.Parse(cells[2])).Should().OnlyHaveUniqueItems().And.OnlyContain(i => i >= 0 && i < 2000);
        var firsts = rows.Where(cells => cells[0].Length > 0).Select(cells => int.Parse(cells[2])).ToArray();
        firsts.Should().BeInAscendingOrder();
        Directory.GetFiles(_folder.Path, "*.tmp-*").Should().BeEmpty();
    }

    [Fact]
    public async Task Generate_CompactFile_ReadsBackAsTheModelsGeneratedSet()
    {
        var run = await TrainAsync();
        var output = _folder.File("out.csv");
        await CliHarness.RunAsync("generate", "--checkpoint", run, "--count", "3000", "--seed", "5", "--output", output);
        var model = ModelCheckpoint.Load(ExperimentRun.LatestCheckpoint(run)!.Value.Path).Model;
        var set = model.Generate(new GenerationRequest(3000, 5));

        var samples = GeneratedSamplesReader.Read(output);

        samples.Drawn.Should().Be(3000);
        samples.Undecoded.Should().Be(set.Generated - set.Decoded);
        samples.Compositions.Select(c => c.ReducedFormula).Should().Equal(set.Unique.Select(c => c.ReducedFormula));
        samples.Counts.Should().Equal(set.Counts);
        samples.FirstIndices.Should().Equal(set.FirstIndices);
    }

    [Fact]
    public async Task Generate_RunFolderWithSelectedCheckpoint_SamplesTheSelectedNotTheNewest()
    {
        var run = await TrainAsync();
        var checkpoints = Path.Combine(run, ExperimentRun.CheckpointFolder);
        File.Copy(Path.Combine(checkpoints, "step-00000002.safetensors"), Path.Combine(checkpoints, CheckpointSelection.SelectedCheckpointName));

        var result = await CliHarness.RunAsync("generate", "--checkpoint", run, "--count", "100", "--output", _folder.File("out.csv"));

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("from step 2 of").And.NotContain("from step 4 of");
    }

    [Fact]
    public async Task Generate_SameSeedTwice_WritesIdenticalFiles()
    {
        var run = await TrainAsync();

        await CliHarness.RunAsync("generate", "--checkpoint", run, "--count", "1000", "--seed", "9", "--output", _folder.File("a.csv"));
        await CliHarness.RunAsync("generate", "--checkpoint", run, "--count", "1000", "--seed", "9", "--output", _folder.File("b.csv"));

        File.ReadAllText(_folder.File("b.csv")).Should().Be(File.ReadAllText(_folder.File("a.csv")));
    }

    [Fact]
    public async Task Generate_ConditionalRun_WritesTargetColumn()
    {
        var run = await TrainAsync(TinyCondVaeConfig());
        var output = _folder.File("out.csv");

        var result = await CliHarness.RunAsync("generate", "--checkpoint", run, "--count", "500", "--target", "1.5", "--output", output);

        result.ExitCode.Should().Be(0, result.Error);
        var lines = File.ReadAllLines(output);
        lines[0].Should().Be("formula,count,first_index,target");
        lines.Skip(1).Should().NotBeEmpty().And.OnlyContain(line => line.EndsWith(",1.5"));
    }

    [Fact]
    public async Task Generate_SeveralTargets_WritesEachAsSeparateCallsWouldWithSampleIndicesFollowingOn()
    {
        var run = await TrainAsync(TinyCondVaeConfig());

        var joined = await CliHarness.RunAsync("generate", "--checkpoint", run, "--count", "300", "--target", "1.5", "-0.25", "--output", _folder.File("both.csv"));
        await CliHarness.RunAsync("generate", "--checkpoint", run, "--count", "300", "--target", "1.5", "--output", _folder.File("a.csv"));
        await CliHarness.RunAsync("generate", "--checkpoint", run, "--count", "300", "--target", "-0.25", "--output", _folder.File("b.csv"));

        joined.ExitCode.Should().Be(0, joined.Error);
        joined.Output.Should().Contain("target 1.5: generated 300").And.Contain("target -0.25: generated 300");
        var lines = File.ReadAllLines(_folder.File("both.csv"));
        var first = File.ReadAllLines(_folder.File("a.csv"));
        var second = File.ReadAllLines(_folder.File("b.csv"));
        lines[0].Should().Be("formula,count,first_index,target");
        lines.Skip(1).Take(first.Length - 1).Should().Equal(first.Skip(1));
        // The second part's rows are b.csv's with every first sample index moved past the 300 samples of the first.
        lines.Skip(first.Length).Should().Equal(second.Skip(1).Select(line =>
        {
            var fields = line.Split(',');
            fields[2] = (int.Parse(fields[2]) + 300).ToString();
            return string.Join(',', fields);
        }));
        lines.Skip(1).Sum(line => int.Parse(line.Split(',')[1])).Should().Be(600);
    }

    [Fact]
    public async Task Generate_Repair_WritesOriginalColumnAndRepairSummary()
    {
        var run = await TrainAsync(TinyCondVaeConfig());
        var output = _folder.File("out.csv");

        var result = await CliHarness.RunAsync("generate", "--checkpoint", run, "--count", "200", "--target", "2", "--repair", "--output", output);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("repaired");
        var lines = File.ReadAllLines(output);
        lines[0].Should().Be("formula,count,first_index,target,original");
        lines.Skip(1).Should().NotBeEmpty().And.OnlyContain(line => line.Split(',').Length == 5);
        lines.Skip(1).Sum(line => int.Parse(line.Split(',')[1])).Should().Be(200);
    }

    [Fact]
    public async Task Generate_TargetForUnconditionalModel_Fails()
    {
        var run = await TrainAsync();

        var result = await CliHarness.RunAsync("generate", "--checkpoint", run, "--count", "10", "--target", "1", "--output", _folder.File("o.csv"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("--target").And.Contain("unconditional");
        File.Exists(_folder.File("o.csv")).Should().BeFalse();
    }

    [Fact]
    public async Task Generate_MissingCheckpoint_FailsNamingIt()
    {
        var result = await CliHarness.RunAsync("generate", "--checkpoint", _folder.File("nothing.safetensors"), "--count", "10", "--output", _folder.File("o.csv"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("nothing.safetensors");
    }

    [Fact]
    public async Task Generate_CorruptCheckpoint_FailsNamingIt()
    {
        var file = _folder.File("corrupt.safetensors");
        File.WriteAllBytes(file, [8, 0, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'x']);

        var result = await CliHarness.RunAsync("generate", "--checkpoint", file, "--count", "10", "--output", _folder.File("o.csv"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("corrupt.safetensors");
    }
}
