using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Models.Papers;

namespace MatGenDiscovery.Cli.Commands.Report;

/// <summary>
/// <c>matgen report papers --runs DIR --output REPORT_DIR [--quick]</c>: builds <c>index.html</c> and
/// <c>charts/*.svg</c> reproducing MatGAN's and Sawada et al.'s figures side by side with the published numbers, from
/// the runs stored in DIR (one folder per experiment). <c>--quick</c> first runs the quick experiment variants into
/// DIR. Figures whose runs are missing show the commands that produce them; the command lists them and exits 0,
/// unless DIR holds no run at all.
/// </summary>
public sealed class ReportPapersCommand : Command
{
    public ReportPapersCommand(CliConsole console, DataDirectory data)
        : base("papers", "Reproduce the MatGAN and Sawada et al. figures from stored runs as an HTML report with SVG charts.")
    {
        var runs = new Option<string>("--runs") { Description = "Runs folder: one sub-folder per experiment (matgen train output, plus generated.csv and evaluation.json).", Required = true };
        var output = new Option<string>("--output") { Description = "Report folder: receives index.html and charts/*.svg (created if missing).", Required = true };
        var quick = new Option<bool>("--quick") { Description = "First train, sample and evaluate the quick experiment variants into the runs folder (resumes finished steps)." };
        var experiments = new Option<string?>("--experiments") { Description = "Folder of experiment configs for --quick (default: experiments/ beside the data folder)." };
        var embedding = new Option<string>("--embedding") { Description = "2-D map method for Fig. 3 and Fig. 7: tsne (exact, on a subsample) or pca (fast).", DefaultValueFactory = _ => "tsne" };
        var mapPoints = new Option<int>("--map-points") { Description = "Compositions sampled from each set (training, leave-out, generated) for the maps.", DefaultValueFactory = _ => 500 };
        var seed = new Option<int>("--seed") { Description = "Seed of the map subsampling and t-SNE; same seed, same report.", DefaultValueFactory = _ => 0 };
        Options.Add(runs);
        Options.Add(output);
        Options.Add(quick);
        Options.Add(experiments);
        Options.Add(embedding);
        Options.Add(mapPoints);
        Options.Add(seed);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () => Run(console, data, new Settings(
            parseResult.GetValue(runs)!, parseResult.GetValue(output)!, parseResult.GetValue(quick), parseResult.GetValue(experiments),
            parseResult.GetValue(embedding)!, parseResult.GetValue(mapPoints), parseResult.GetValue(seed)), cancellationToken)));
    }

    public sealed record Settings(string Runs, string Output, bool Quick, string? Experiments, string Embedding, int MapPoints, int Seed);

    internal static int Run(CliConsole console, DataDirectory data, Settings settings, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var options = ParseOptions(settings);
        var dataFolder = Path.GetDirectoryName(data.File("elements.csv"))!;
        if (settings.Quick)
        {
            var experiments = settings.Experiments ?? Path.Combine(dataFolder, "..", "experiments");
            QuickExperiments.Run(console, data, experiments, settings.Runs, cancellationToken);
        }

        var runs = PaperRunLoader.Load(settings.Runs, dataFolder);
        if (runs.Count == 0)
        {
            throw new CliException(
                $"runs folder '{settings.Runs}' holds no run (expected sub-folders with the config.json that 'matgen train' writes); " +
                $"build one with: matgen report papers --quick --runs {settings.Runs} --output {settings.Output}");
        }

        var report = PapersReportBuilder.Build(runs, options, PaperPredictorLoader.Load(settings.Runs));
        var files = PapersHtmlWriter.Render(report);
        Write(settings.Output, files);
        var missing = report.Missing.ToArray();
        var figures = report.Figures.Count();
        console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"report: {figures - missing.Length} of {figures} figures from {runs.Count} run(s); wrote {Path.Combine(settings.Output, PapersHtmlWriter.IndexFile)} and {files.Count - 1} chart(s) in {watch.Elapsed.TotalSeconds:F1} s"));
        foreach (var figure in missing)
        {
            console.Out.WriteLine($"missing: {figure.Label} {figure.Title}: {figure.Reason}");
        }

        return CommandRunner.Success;
    }

    private static PapersReportOptions ParseOptions(Settings settings)
    {
        var method = settings.Embedding.Trim().ToLowerInvariant() switch
        {
            "tsne" or "t-sne" => EmbeddingMethod.TSne,
            "pca" => EmbeddingMethod.Pca,
            _ => throw new CliException($"--embedding: '{settings.Embedding}' is not a method; use tsne or pca"),
        };
        if (settings.MapPoints is < 10 or > 2000)
        {
            throw new CliException($"--map-points must be between 10 and 2000 (t-SNE is exact, O(n²)), got {settings.MapPoints}");
        }

        return new PapersReportOptions { Embedding = method, MapPointsPerSet = settings.MapPoints, Seed = settings.Seed, RunsFolder = settings.Runs };
    }

    private static void Write(string folder, IReadOnlyList<ReportFile> files)
    {
        Directory.CreateDirectory(Path.Combine(folder, PapersHtmlWriter.ChartFolder));
        var encoding = new UTF8Encoding(false);
        foreach (var file in files)
        {
            var bytes = encoding.GetBytes(file.Content);
            AtomicFile.Write(Path.Combine(folder, file.RelativePath), stream => stream.Write(bytes));
        }
    }
}
