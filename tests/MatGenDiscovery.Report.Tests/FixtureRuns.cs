using System.Globalization;
using System.Text.Json.Nodes;
using MatGenDiscovery.Cli;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Report.Tests;

/// <summary>
/// Builds a small runs folder through the real CLI: the quick MatGAN, autoencoder and CondGAN(x^bp) configs cut to 4
/// training steps on 2,000 compositions, a synthetic generated set per GAN (fixed formulas, so the charts have
/// content a 4-step model could not produce) and <c>matgen evaluate</c> on it; then <c>matgen report papers</c>.
/// </summary>
internal static class FixtureRuns
{
    private static readonly string[] Formulas =
    [
        "NaCl", "KCl", "LiF", "MgO", "CaO", "Al2O3", "Fe2O3", "TiO2", "ZnO", "CuO", "LiCoO2", "LiFePO4", "BaTiO3", "SrTiO3",
        "Li2O", "Na2O", "Li3N", "GaN", "AlN", "SiC", "Li2S", "ZnS", "CdS", "LiMnO2", "NaFeO2", "KNbO3", "LiNbO3", "CaTiO3",
        "MgAl2O4", "ZnFe2O4", "Li4Ti5O12", "Li2MnO3", "LiBr", "CsCl", "AgCl", "LiAlO2", "Li3PO4", "Fe3O4", "Co3O4", "NiO",
        "V2O5", "Nb2O5", "WO3", "MoO3", "NaV2O5", "Cs3Bi2", "LiZn9", "K2Pt",
    ];

    public static async Task<string> BuildAsync(string root)
    {
        var runs = Path.Combine(root, "runs");
        var configs = Path.Combine(root, "configs");
        Directory.CreateDirectory(runs);
        Directory.CreateDirectory(configs);
        foreach (var name in new[] { "matgan-mp-quick", "autoencoder-mp-quick", "condgan-xbp-formation-energy-quick" })
        {
            var config = Path.Combine(configs, name + ".json");
            File.WriteAllText(config, Shrink(File.ReadAllText(Path.Combine(RepositoryPaths.Experiments, name + ".json"))));
            await RunAsync("train", "--config", config, "--output", Path.Combine(runs, name));
        }

        var matGan = Path.Combine(runs, "matgan-mp-quick");
        var random = new Random(1);
        File.WriteAllLines(Path.Combine(matGan, "generated.csv"), ["formula", .. Enumerable.Range(0, 300).Select(_ => Formulas[random.Next(Formulas.Length)])]);
        await RunAsync("evaluate", "--generated", Path.Combine(matGan, "generated.csv"), "--config", Path.Combine(matGan, "config.json"),
            "--json", Path.Combine(matGan, "evaluation.json"), "--enrichment-arities", "2", "--enrichment-max-count", "3", "--reference-databases", "oqmd");
        var condGan = Path.Combine(runs, "condgan-xbp-formation-energy-quick");
        File.WriteAllLines(Path.Combine(condGan, "generated.csv"),
            ["formula,target", .. new[] { -3.0, -2.0, -1.0 }.SelectMany(t => Formulas.Take(20).Select(f => $"{f},{t.ToString(CultureInfo.InvariantCulture)}"))]);
        await RunAsync("evaluate", "--generated", Path.Combine(condGan, "generated.csv"), "--config", Path.Combine(condGan, "config.json"),
            "--json", Path.Combine(condGan, "evaluation.json"), "--enrichment-arities", "none", "--repair", "10");
        return runs;
    }

    public static async Task<CliOutcome> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, CliConsole.ForWriters(output, error), DataDirectory.At(RepositoryPaths.Data));
        if (exitCode != 0 && args[0] != "report")
        {
            throw new InvalidOperationException($"matgen {string.Join(' ', args)} failed with {exitCode}: {error}");
        }

        return new CliOutcome(exitCode, output.ToString(), error.ToString());
    }

    private static string Shrink(string json)
    {
        var config = JsonNode.Parse(json)!.AsObject();
        var training = config["training"]!.AsObject();
        training["steps"] = 4;
        training["checkpoint_interval"] = 4;
        training["log_interval"] = 2;
        training["keep_checkpoints"] = 1;
        config["data"]!.AsObject()["max_training_rows"] = 2000;
        return config.ToJsonString();
    }
}

internal sealed record CliOutcome(int ExitCode, string Output, string Error);
