using System.Text.Json.Nodes;
using MatGenDiscovery.Cli.Commands.Report;

namespace MatGenDiscovery.Cli.Tests.Commands;

/// <summary>The report's run loader (internal) through <c>matgen report papers</c>: CondGAN runs feed Sawada's Table 4 and Fig. 1B.</summary>
public sealed class PaperRunLoaderTests
{
    [Fact]
    public async Task Load_CondGanAndExtrapolationRuns_FillTable4AndFig1B()
    {
        using var temp = new TemporaryDirectory();
        await TrainAsync(temp, "condgan-xbp-formation-energy-quick", maxFormationEnergy: null);
        var extrapolation = await TrainAsync(temp, "condgan-xbp-extrapolation-below-m1-quick", maxFormationEnergy: -1);
        File.WriteAllLines(Path.Combine(extrapolation, "generated.csv"), ["formula,target", "NaCl,-0.5", "MgO,0", "Li2O,-2"]);

        var result = await CliHarness.RunAsync("report", "papers", "--runs", temp.File("runs"), "--output", temp.File("report"), "--embedding", "pca");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().NotContain("missing: Table 4").And.NotContain("missing: Fig. 1B");
        var index = File.ReadAllText(temp.File("report/index.html"));
        index.Should().Contain("critic MAE").And.Contain("trained on ≤ -1");
        File.Exists(temp.File("report/charts/sawada-fig1b.svg")).Should().BeTrue();
    }

    [Theory]
    [InlineData("matgan-mp", "matgan-mp")]
    [InlineData("matgan-icsd-filter-quick", "matgan-icsd-filter")]
    [InlineData("condgan-formation-energy-seed2", "condgan-formation-energy")]
    [InlineData("condgan-xbp-formation-energy-v2-seed3", "condgan-xbp-formation-energy")]
    [InlineData("matgan-bandgap-v2-quick", "matgan-bandgap")]
    [InlineData("condgan-xbp-extrapolation-below-m1p5-v2", "condgan-xbp-extrapolation-below-m1p5")]
    [InlineData("autoencoder-mp-v10", "autoencoder-mp")]
    [InlineData("matgan-v2x", "matgan-v2x")]
    public void Family_StripsRevisionQuickAndSeedSuffixes(string experiment, string family) =>
        PaperRunLoader.Family(experiment).Should().Be(family);

    [Fact]
    public void Newest_KeepsEachFamilysNewestRevisionOfFullAndOfQuickRuns() =>
        PaperRunLoader.Newest(
            [
                "matgan-mp", "matgan-mp-v3", "matgan-mp-v2", "matgan-mp-quick", "matgan-mp-v10-quick", "matgan-mp-v2-quick",
                "condgan-formation-energy-v3", "condgan-formation-energy-v3-seed2", "condgan-formation-energy-v2-seed3",
                "condgan-xbp-formation-energy-v5-seed2", "autoencoder-mp",
            ]).Should().Equal(
                "matgan-mp-v3", "matgan-mp-v10-quick", "condgan-formation-energy-v3", "condgan-formation-energy-v3-seed2",
                "condgan-xbp-formation-energy-v5-seed2", "autoencoder-mp");

    /// <summary>A 2-step CondGAN(x^bp) on 300 rows of Sawada's set, optionally restricted to E_f ≤ the given maximum.</summary>
    private static async Task<string> TrainAsync(TemporaryDirectory temp, string name, double? maxFormationEnergy)
    {
        var root = Directory.GetParent(CliHarness.RepositoryData)!.FullName;
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "experiments", "condgan-xbp-formation-energy-quick.json")))!.AsObject();
        config["name"] = name;
        config["training"]!.AsObject()["steps"] = 2;
        config["training"]!.AsObject()["checkpoint_interval"] = 2;
        config["data"]!.AsObject()["max_training_rows"] = 300;
        if (maxFormationEnergy is { } max)
        {
            config["data"]!.AsObject()["filter"] = new JsonObject
            {
                ["properties"] = new JsonArray(new JsonObject { ["name"] = "formation_energy_per_atom", ["max"] = max }),
            };
        }

        File.WriteAllText(temp.File(name + ".json"), config.ToJsonString());
        var run = temp.File("runs/" + name);
        (await CliHarness.RunAsync("train", "--config", temp.File(name + ".json"), "--output", run)).ExitCode.Should().Be(0);
        return run;
    }
}
