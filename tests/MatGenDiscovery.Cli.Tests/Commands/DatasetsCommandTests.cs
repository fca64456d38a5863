using System.Text.Json;

namespace MatGenDiscovery.Cli.Tests.Commands;

public class DatasetsCommandTests
{
    [Fact]
    public async Task List_Json_HasEveryDatasetWithRowCounts()
    {
        var result = await CliHarness.RunAsync("datasets", "list", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var entries = json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        entries.Keys.Should().Contain(["mp", "mp-eform", "mp-gap", "compgan", "oqmd", "oqmd-roost", "icsd", "expt-gap"]);
        entries["mp"].GetProperty("rows").GetInt32().Should().Be(84_295);
        entries["expt-gap"].GetProperty("properties").EnumerateArray().Select(p => p.GetString()).Should().Equal("band_gap_expt");
    }

    [Fact]
    public async Task List_Table_ShowsNamesAndFiles()
    {
        var result = await CliHarness.RunAsync("datasets", "list");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("oqmd-roost").And.Contain("4,604").And.Contain("description");
    }

    [Fact]
    public async Task Stats_ExptGapJson_ReportsReadmeNumbers()
    {
        var result = await CliHarness.RunAsync("datasets", "stats", "expt-gap", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        var root = JsonDocument.Parse(result.Output).RootElement;
        root.GetProperty("rows").GetInt32().Should().Be(4_604);
        root.GetProperty("elements").GetInt32().Should().Be(81);
        root.GetProperty("arity_histogram").GetProperty("3").GetInt32().Should().BeGreaterThan(2_000);
        root.GetProperty("max_count").GetInt32().Should().Be(149);
        var gap = root.GetProperty("properties").GetProperty("band_gap_expt");
        gap.GetProperty("max").GetDouble().Should().Be(11.7);
        gap.GetProperty("median").GetDouble().Should().Be(0);
        var validity = root.GetProperty("validity");
        validity.GetProperty("charge_neutral").GetDouble().Should().BeInRange(0, 1);
        validity.GetProperty("electronegativity_balanced").GetDouble()
            .Should().BeLessThanOrEqualTo(validity.GetProperty("charge_neutral").GetDouble());
        root.GetProperty("errors").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Stats_Table_ShowsArityAndProperties()
    {
        var result = await CliHarness.RunAsync("datasets", "stats", "oqmd-roost");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("unique reduced formulas").And.Contain("25,662").And.Contain("formation_enthalpy");
    }

    [Fact]
    public async Task Stats_UnknownName_FailsListingKnownNames()
    {
        var result = await CliHarness.RunAsync("datasets", "stats", "nope");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("unknown dataset 'nope'").And.Contain("expt-gap");
    }

    [Fact]
    public async Task Stats_UnknownOxidationStateSet_Fails()
    {
        var result = await CliHarness.RunAsync("datasets", "stats", "expt-gap", "--oxidation-states", "bogus");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("bogus");
    }
}
