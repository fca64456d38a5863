using System.Text.Json.Nodes;

namespace MatGenDiscovery.Cli.Tests.Commands;

public sealed class ReportPapersCommandTests
{
    [Fact]
    public async Task ReportPapers_EmptyRunsFolder_FailsWithTheQuickCommand()
    {
        using var temp = new TemporaryDirectory();

        var result = await CliHarness.RunAsync("report", "papers", "--runs", temp.Path, "--output", temp.File("report"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain($"runs folder '{temp.Path}' holds no run").And.Contain("matgen report papers --quick");
        Directory.Exists(temp.File("report")).Should().BeFalse("nothing is written when there is nothing to report");
    }

    [Fact]
    public async Task ReportPapers_MissingRunsFolder_FailsNamingIt()
    {
        using var temp = new TemporaryDirectory();

        var result = await CliHarness.RunAsync("report", "papers", "--runs", temp.File("absent"), "--output", temp.File("report"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("absent' does not exist");
    }

    [Fact]
    public async Task ReportPapers_UnknownEmbedding_Fails()
    {
        using var temp = new TemporaryDirectory();

        var result = await CliHarness.RunAsync("report", "papers", "--runs", temp.Path, "--output", temp.File("r"), "--embedding", "umap");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("--embedding: 'umap' is not a method; use tsne or pca");
    }

    [Fact]
    public async Task ReportPapers_OneEvaluatedRun_WritesIndexAndChartsAndListsMissingFigures()
    {
        using var temp = new TemporaryDirectory();
        var run = await EvaluatedMatGanRunAsync(temp);

        var result = await CliHarness.RunAsync("report", "papers", "--runs", temp.File("runs"), "--output", temp.File("report"), "--embedding", "pca");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("report: 6 of 17 figures from 1 run(s)");
        result.Output.Should().Contain("missing: Fig. 7 ").And.Contain("missing: Table 2 Property accuracy");
        var index = File.ReadAllText(temp.File("report/index.html"));
        index.Should().Contain("PC 1 (atomic fraction)").And.Contain($"config {run}/config.json, seed 42, checkpoint step 2 sha256 ");
        Directory.GetFiles(temp.File("report/charts"), "*.svg").Select(Path.GetFileName).Should().BeEquivalentTo(
            "matgan-fig3.svg", "matgan-fig4a.svg", "matgan-fig5a.svg", "matgan-fig5b.svg", "matgan-enrichment.svg");
        Directory.GetFiles(temp.File("report"), "*.tmp-*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    /// <summary>A 2-step MatGAN run on 500 MP compositions with a fixed generated set, evaluated by <c>matgen evaluate</c>.</summary>
    private static async Task<string> EvaluatedMatGanRunAsync(TemporaryDirectory temp)
    {
        var root = Directory.GetParent(CliHarness.RepositoryData)!.FullName;
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "experiments", "matgan-mp-quick.json")))!.AsObject();
        config["training"]!.AsObject()["steps"] = 2;
        config["training"]!.AsObject()["checkpoint_interval"] = 2;
        config["data"]!.AsObject()["max_training_rows"] = 500;
        File.WriteAllText(temp.File("matgan.json"), config.ToJsonString());
        var run = temp.File("runs/matgan-mp-quick");
        (await CliHarness.RunAsync("train", "--config", temp.File("matgan.json"), "--output", run)).ExitCode.Should().Be(0);
        File.WriteAllLines(Path.Combine(run, "generated.csv"), ["formula", "NaCl", "KCl", "MgO", "LiF", "NaCl", "Fe2O3", "LiCoO2", "CsAu", "K2O", "TiO2"]);
        var evaluate = await CliHarness.RunAsync(
            "evaluate", "--generated", Path.Combine(run, "generated.csv"), "--config", Path.Combine(run, "config.json"),
            "--json", Path.Combine(run, "evaluation.json"), "--enrichment-arities", "2", "--enrichment-max-count", "2");
        evaluate.ExitCode.Should().Be(0, evaluate.Error);
        return run;
    }
}
