using System.Text.Json;

namespace MatGenDiscovery.Cli.Tests.Commands;

public class EnumerateCommandTests
{
    [Fact]
    public async Task Enumerate_Json_PrintsExactlyOneJsonLineWithTheCounts()
    {
        var result = await CliHarness.RunAsync("enumerate", "--arity", "2", "--max-count", "2", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(1);
        using var json = JsonDocument.Parse(lines[0]);
        var root = json.RootElement;
        root.GetProperty("arity").GetInt32().Should().Be(2);
        root.GetProperty("max_count").GetInt32().Should().Be(2);
        // C(85, 2) = 3570 pairs × 3 coprime count vectors (1,1), (1,2), (2,1).
        root.GetProperty("compositions").GetInt64().Should().Be(3570 * 3);
        var neutral = root.GetProperty("charge_neutral").GetInt64();
        var balanced = root.GetProperty("electronegativity_balanced").GetInt64();
        neutral.Should().BeInRange(1, 3570 * 3 - 1);
        balanced.Should().BeInRange(1, neutral);
    }

    [Fact]
    public async Task Enumerate_AllElementsWithAlloys_CountsMoreValidThanWithout()
    {
        var plain = await CliHarness.RunAsync("enumerate", "--arity", "2", "--max-count", "1", "--elements", "all", "--json");
        var alloys = await CliHarness.RunAsync("enumerate", "--arity", "2", "--max-count", "1", "--elements", "all", "--alloys", "--json");

        plain.ExitCode.Should().Be(0, plain.Error);
        var withoutAlloys = JsonDocument.Parse(plain.Output).RootElement;
        var withAlloys = JsonDocument.Parse(alloys.Output).RootElement;
        // smact14 has states for 105 elements: C(105, 2) pairs, one count vector each.
        withoutAlloys.GetProperty("compositions").GetInt64().Should().Be(105 * 104 / 2);
        withAlloys.GetProperty("electronegativity_balanced").GetInt64()
            .Should().BeGreaterThan(withoutAlloys.GetProperty("electronegativity_balanced").GetInt64());
    }

    [Fact]
    public async Task Enumerate_WithoutJson_RendersATable()
    {
        var result = await CliHarness.RunAsync("enumerate", "--arity", "1", "--max-count", "3", "--oxidation-states", "icsd24");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("compositions").And.Contain("85").And.Contain("100.00%");
    }

    [Theory]
    [InlineData("0", "3", "--arity")]
    [InlineData("2", "0", "--max-count")]
    [InlineData("86", "1", "exceeds")]
    public async Task Enumerate_BadArityOrMaxCount_FailsWithAClearMessage(string arity, string maxCount, string expected)
    {
        var result = await CliHarness.RunAsync("enumerate", "--arity", arity, "--max-count", maxCount, "--json");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain(expected);
    }

    [Theory]
    [InlineData("--oxidation-states", "nope")]
    [InlineData("--elements", "nope")]
    public async Task Enumerate_UnknownOptionValue_FailsNamingIt(string option, string value)
    {
        var result = await CliHarness.RunAsync("enumerate", "--arity", "1", "--max-count", "1", option, value);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain($"'{value}'").And.Contain(option);
    }
}
