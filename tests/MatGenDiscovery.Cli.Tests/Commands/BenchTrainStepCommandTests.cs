using System.Text.Json;

namespace MatGenDiscovery.Cli.Tests.Commands;

public class BenchTrainStepCommandTests
{
    [Fact]
    public async Task Run_MlpJson_WritesOneLineWithThroughput()
    {
        var result = await CliHarness.RunAsync("bench", "train-step", "--model", "mlp", "--batch", "4", "--steps", "2", "--warmup", "1", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(1);
        using var json = JsonDocument.Parse(lines[0]);
        json.RootElement.GetProperty("model").GetString().Should().Be("mlp");
        json.RootElement.GetProperty("batch").GetInt32().Should().Be(4);
        json.RootElement.GetProperty("steps").GetInt32().Should().Be(2);
        json.RootElement.GetProperty("samples_per_second").GetDouble().Should().BePositive();
    }

    [Fact]
    public async Task Run_MatGanMpTable_PrintsModelRow()
    {
        var result = await CliHarness.RunAsync("bench", "train-step", "--model", "matgan-mp", "--batch", "2", "--steps", "1", "--warmup", "0");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("matgan-mp").And.Contain("samples/s");
    }

    [Fact]
    public async Task Run_UnknownModel_FailsNamingIt()
    {
        var result = await CliHarness.RunAsync("bench", "train-step", "--model", "resnet", "--json");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("--model 'resnet'").And.Contain("matgan-mp, mlp");
    }

    [Fact]
    public async Task Run_BatchOfOne_FailsNamingTheOption()
    {
        var result = await CliHarness.RunAsync("bench", "train-step", "--batch", "1");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("--batch must be at least 2 (got 1)");
    }
}
