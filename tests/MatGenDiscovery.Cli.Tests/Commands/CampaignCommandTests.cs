using System.Text.Json;

namespace MatGenDiscovery.Cli.Tests.Commands;

public sealed class CampaignCommandTests : IDisposable
{
    /// <summary>A one-round campaign small enough for a unit test (also the broker tests' config).</summary>
    internal const string TinyConfig = """
        {
          "name": "cli-tiny", "seed": 5, "training_dataset": "mp",
          "targets": [ { "property": "band_gap", "mode": "range", "min": 1.0, "max": 3.0 } ],
          "constraints": { "required_elements": ["O"], "max_arity": 3 },
          "generators": [ { "name": "rnd", "kind": "random", "samples_per_round": 300, "max_count": 4 } ],
          "predictors": [ { "property": "band_gap", "dataset": "mp", "max_training_rows": 300, "ensemble_size": 2, "trees": 10 } ],
          "budget": { "rounds": 1, "experiments_per_round": 10, "candidates_per_round": 200 },
          "acquisition": { "kind": "ucb", "kappa": 1.0 },
          "oracle": { "dataset": "oqmd", "confirmation_datasets": ["icsd"] }
        }
        """;

    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Store => _folder.File("store");

    private string WriteConfig(string json)
    {
        var path = _folder.File("campaign.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Start_TinyConfig_PrintsIdFirstThenStatusFamiliesAndGrainsReadIt()
    {
        var start = await CliHarness.RunAsync("campaign", "start", "--config", WriteConfig(TinyConfig), "--store", Store, "--id", "t1");

        start.ExitCode.Should().Be(0, start.Error);
        start.Output.Split('\n')[0].Should().Be("campaign t1");
        start.Output.Should().Contain("round 1/1:").And.Contain("digest ");

        var status = await CliHarness.RunAsync("campaign", "status", "t1", "--store", Store, "--json");
        status.ExitCode.Should().Be(0, status.Error);
        var root = JsonDocument.Parse(status.Output).RootElement;
        root.GetProperty("campaign_id").GetString().Should().Be("t1");
        root.GetProperty("phase").GetString().Should().Be("completed");
        root.GetProperty("rounds_completed").GetInt32().Should().Be(1);
        root.GetProperty("rounds")[0].GetProperty("experiments").GetInt32().Should().Be(10);
        root.GetProperty("lease").ValueKind.Should().Be(JsonValueKind.Null, "the finished run released its lease");

        var families = await CliHarness.RunAsync("families", "top", "--campaign", "t1", "--n", "5", "--store", Store, "--json");
        families.ExitCode.Should().Be(0, families.Error);
        var top = JsonDocument.Parse(families.Output).RootElement.EnumerateArray().ToList();
        top.Should().HaveCount(5);
        top.Select(e => e.GetProperty("score").GetDouble()).Should().BeInDescendingOrder();
        top.Should().OnlyContain(e => e.GetProperty("formula").GetString()!.Contains('O'));

        var grain = await CliHarness.RunAsync("grains", "query", "campaign", "t1", "--store", Store);
        grain.ExitCode.Should().Be(0, grain.Error);
        JsonDocument.Parse(grain.Output).RootElement.GetProperty("config_hash").GetString().Should().HaveLength(64);
    }

    [Fact]
    public async Task Stop_ExistingCampaign_StatusShowsStopRequested()
    {
        var start = await CliHarness.RunAsync("campaign", "start", "--config", WriteConfig(TinyConfig), "--store", Store, "--id", "t2");
        start.ExitCode.Should().Be(0, start.Error);

        var stop = await CliHarness.RunAsync("campaign", "stop", "t2", "--store", Store);
        var status = await CliHarness.RunAsync("campaign", "status", "t2", "--store", Store, "--json");

        stop.ExitCode.Should().Be(0, stop.Error);
        stop.Output.Should().Contain("stop requested for campaign t2");
        JsonDocument.Parse(status.Output).RootElement.GetProperty("stop_requested").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Start_UnknownElementInConstraint_FailsNamingIt()
    {
        var result = await CliHarness.RunAsync("campaign", "start", "--config", WriteConfig(TinyConfig.Replace("[\"O\"]", "[\"Oo\"]")), "--store", Store);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("constraints.required_elements").And.Contain("unknown element 'Oo'");
        result.Output.Should().BeEmpty("nothing starts before the config is valid");
    }

    [Fact]
    public async Task Status_UnknownCampaign_FailsNamingIt()
    {
        var result = await CliHarness.RunAsync("campaign", "status", "nope", "--store", Store);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("no campaign 'nope'");
    }

    [Fact]
    public async Task GrainsQuery_MissingGrain_FailsNamingPath()
    {
        var result = await CliHarness.RunAsync("grains", "query", "generator", "x.y", "--store", Store);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("grains/generator/x.y.json");
    }
}
