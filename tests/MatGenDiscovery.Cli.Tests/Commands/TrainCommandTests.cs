using System.Text.Json.Nodes;

namespace MatGenDiscovery.Cli.Tests.Commands;

public sealed class TrainCommandTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A MatGAN (mlp) config small enough to train in a second: 200 rows of the experimental band-gap table.</summary>
    internal static string TinyConfig(TemporaryDirectory folder, int steps = 4, int seed = 7, string name = "tiny.json", string? extra = null)
    {
        var json = $$"""
            {
              "name": "tiny", "seed": {{seed}},
              "model": { "kind": "matgan", "network": "mlp", "critic_learning_rate": 0.001 },
              "data": { "dataset": "expt-gap", "max_training_rows": 200 },
              "training": { "steps": {{steps}}, "batch_size": 16, "checkpoint_interval": 2, "log_interval": 1, "keep_checkpoints": 10 }{{extra}}
            }
            """;
        File.WriteAllText(folder.File(name), json);
        return folder.File(name);
    }

    [Fact]
    public async Task Train_TinyConfig_WritesConfigCheckpointsAndLog()
    {
        var output = _folder.File("run");

        var result = await CliHarness.RunAsync("train", "--config", TinyConfig(_folder), "--output", output);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("trained to step 4").And.Contain("step 4/4");
        File.Exists(Path.Combine(output, "config.json")).Should().BeTrue();
        Directory.GetFiles(Path.Combine(output, "checkpoints")).Select(Path.GetFileName).Should()
            .BeEquivalentTo("step-00000002.safetensors", "step-00000004.safetensors");
        var log = File.ReadAllLines(Path.Combine(output, "training_log.csv"));
        log[0].Should().Be("step,critic,gradient_penalty,generator,wasserstein,seconds");
        log.Should().HaveCount(5);
    }

    [Fact]
    public async Task Train_ResumedFromIntermediateCheckpoint_GivesIdenticalFinalCheckpoint()
    {
        var config = TinyConfig(_folder);
        var straight = _folder.File("straight");
        var resumed = _folder.File("resumed");
        (await CliHarness.RunAsync("train", "--config", config, "--output", straight)).ExitCode.Should().Be(0);
        Directory.CreateDirectory(Path.Combine(resumed, "checkpoints"));
        File.Copy(Path.Combine(straight, "config.json"), Path.Combine(resumed, "config.json"));
        File.Copy(Path.Combine(straight, "checkpoints", "step-00000002.safetensors"), Path.Combine(resumed, "checkpoints", "step-00000002.safetensors"));

        var result = await CliHarness.RunAsync("train", "--config", config, "--output", resumed, "--resume");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("resuming at step 2 of 4");
        File.ReadAllBytes(Path.Combine(resumed, "checkpoints", "step-00000004.safetensors")).Should()
            .Equal(File.ReadAllBytes(Path.Combine(straight, "checkpoints", "step-00000004.safetensors")));
    }

    [Fact]
    public async Task Train_FolderHoldingAnotherConfig_FailsNamingIt()
    {
        var output = _folder.File("run");
        (await CliHarness.RunAsync("train", "--config", TinyConfig(_folder, steps: 1), "--output", output)).ExitCode.Should().Be(0);

        var result = await CliHarness.RunAsync("train", "--config", TinyConfig(_folder, steps: 1, seed: 8, name: "other.json"), "--output", output);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("different experiment").And.Contain("other.json");
    }

    [Fact]
    public async Task Train_ResumeWithoutCheckpoint_Fails()
    {
        var result = await CliHarness.RunAsync("train", "--config", TinyConfig(_folder), "--output", _folder.File("empty"), "--resume");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("no checkpoint to resume");
    }

    [Fact]
    public async Task Train_UnknownConfigField_FailsNamingFileAndField()
    {
        var config = TinyConfig(_folder, extra: ", \"learning_speed\": 3");

        var result = await CliHarness.RunAsync("train", "--config", config, "--output", _folder.File("run"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("tiny.json").And.Contain("learning_speed");
    }

    [Fact]
    public async Task Train_BadFilterProperty_FailsNamingField()
    {
        var config = TinyConfig(_folder);
        var json = JsonNode.Parse(File.ReadAllText(config))!;
        json["data"]!["filter"] = JsonNode.Parse("""{ "properties": [ { "name": "band_gap", "min": 1 } ] }""");
        File.WriteAllText(config, json.ToJsonString());

        var result = await CliHarness.RunAsync("train", "--config", config, "--output", _folder.File("run"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("data.filter.properties[0].name").And.Contain("band_gap_expt");
    }
}
