using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Generative.Autoencoder;
using MatGenDiscovery.Models.Generative.CondGan;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.Models.Papers;
using MatGenDiscovery.Models.Reporting;

namespace MatGenDiscovery.Cli.Commands.Report;

/// <summary>
/// Loads the run folders under the runs folder (those of each family's newest revision, see <see cref="Newest"/>): a
/// sub-folder with the <c>config.json</c> that <c>matgen train</c> writes, the checkpoint it is reported from (the
/// selected one when training chose one, else the newest), and if present the <c>generated.csv</c> of
/// <c>matgen generate</c> (for a conditional model, every target's samples in one file) and the <c>evaluation.json</c>
/// of <c>matgen evaluate</c>.
/// </summary>
internal static partial class PaperRunLoader
{
    public static IReadOnlyList<PaperRun> Load(string runsFolder, string dataFolder)
    {
        if (!Directory.Exists(runsFolder))
        {
            throw new DirectoryNotFoundException($"runs folder '{runsFolder}' does not exist");
        }

        var prepared = new Dictionary<string, PreparedData>();
        var stored = Directory.EnumerateDirectories(runsFolder)
            .Where(d => File.Exists(Path.Combine(d, ExperimentRun.ConfigFileName)))
            .Order(StringComparer.Ordinal)
            .Select(d => (Folder: d, Config: ExperimentConfigSerializer.Load(Path.Combine(d, ExperimentRun.ConfigFileName))))
            .ToArray();
        var reported = Newest(stored.Select(s => s.Config.Name).ToArray()).ToHashSet(StringComparer.Ordinal);
        return stored
            .Where(s => reported.Contains(s.Config.Name))
            .Select(s => LoadRun(s.Folder, s.Config, dataFolder, prepared))
            .ToArray();
    }

    /// <summary>
    /// The experiments a report is built from: of each family's full runs (and, apart, of its quick runs) only those
    /// of the newest revision (<c>-v&lt;k&gt;</c>, none = 1), so a runs folder that still holds superseded revisions
    /// reports, and averages seeds over, the current one.
    /// </summary>
    public static IReadOnlyList<string> Newest(IReadOnlyList<string> experiments)
    {
        var newest = experiments
            .GroupBy(e => (Family(e), Quick: IsQuick(e)))
            .ToDictionary(g => g.Key, g => g.Max(Revision));
        return experiments.Where(e => Revision(e) == newest[(Family(e), IsQuick(e))]).ToArray();
    }

    private static bool IsQuick(string experiment) => experiment.Contains("-quick", StringComparison.Ordinal);

    private static int Revision(string experiment) =>
        Suffix().Match(experiment).Groups["revision"] is { Success: true } revision ? int.Parse(revision.Value, CultureInfo.InvariantCulture) : 1;

    /// <summary>
    /// The experiment name without its <c>-v&lt;k&gt;</c> (revised settings), <c>-quick</c> and <c>-seed&lt;k&gt;</c>
    /// suffixes, in that order: <c>condgan-xbp-formation-energy-v2-seed3</c> feeds the <c>condgan-xbp-formation-energy</c> figures.
    /// </summary>
    public static string Family(string experiment) => Suffix().Replace(experiment, "");

    private static PaperRun LoadRun(string folder, ExperimentConfig config, string dataFolder, Dictionary<string, PreparedData> cache)
    {
        var configPath = Path.Combine(folder, ExperimentRun.ConfigFileName);
        var dataKey = ExperimentConfigSerializer.ToCanonicalJson(config with { Name = "", Description = "" });
        if (!cache.TryGetValue(dataKey, out var data))
        {
            data = TrainingDataBuilder.Build(config, dataFolder);
            cache[dataKey] = data;
        }

        var checkpoint = ExperimentRun.ReportedCheckpoint(folder);
        var source = new RunSource(folder, configPath, config.Name, config.Seed, checkpoint?.Step, checkpoint is { } c ? Digest(c.Path) : null);
        var kind = config.Model.Kind;
        var run = new PaperRun(source, Family(config.Name), kind, config.Data.Dataset, config.Model.TargetProperty,
            IsQuick(config.Name), data.Train, data.TrainTargets, data.LeaveOut,
            Generated(folder), Evaluation(folder));
        if (checkpoint is { } autoencoderCheckpoint && kind == ModelKinds.Autoencoder)
        {
            var model = new Lazy<CountMatrixAutoencoder>(() => (CountMatrixAutoencoder)ModelCheckpoint.Load(autoencoderCheckpoint.Path).Model);
            run = run with { Decodable = compositions => model.Value.DecodableFlags(compositions) };
        }

        if (checkpoint is { } condGanCheckpoint && kind == ModelKinds.CondGan && data.LeaveOutTargets.Count == data.LeaveOut.Count && data.LeaveOut.Count > 0)
        {
            var head = new Lazy<PropertyHeadResult>(() => PropertyHeadComparison.Compare(
                (CondGanModel)ModelCheckpoint.Load(condGanCheckpoint.Path).Model, data.Train, data.TrainTargets, data.LeaveOut, data.LeaveOutTargets, config.Seed));
            run = run with { PropertyHead = () => head.Value };
        }

        if (config.Model.TargetProperty is { } target && config.Data.Filter.Properties.FirstOrDefault(p => p.Name == target && p.Max is not null) is { } range)
        {
            // Extrapolation is judged against every known composition, not just the restricted range the run saw.
            var whole = TrainingDataBuilder.Build(
                config with { Data = config.Data with { Filter = config.Data.Filter with { Properties = [] }, MaxTrainingRows = null } }, dataFolder);
            run = run with
            {
                TrainingMax = range.Max,
                Reference = [.. whole.Train, .. whole.LeaveOut],
                ReferenceTargets = [.. whole.TrainTargets, .. whole.LeaveOutTargets],
            };
        }

        return run;
    }

    private static GeneratedSamples? Generated(string folder)
    {
        var path = Path.Combine(folder, RunCommands.GeneratedFile);
        return File.Exists(path) ? GeneratedSamplesReader.Read(path) : null;
    }

    private static EvaluationReport? Evaluation(string folder)
    {
        var path = Path.Combine(folder, RunCommands.EvaluationFile);
        return File.Exists(path)
            ? EvaluationReportJson.Deserialize(File.ReadAllText(path)) ?? throw new InvalidDataException($"evaluation file '{path}' is empty")
            : null;
    }

    /// <summary>First 12 hex digits of the file's SHA-256.</summary>
    private static string Digest(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
    }

    [GeneratedRegex(@"(-v(?<revision>\d+))?(-quick)?(-seed\d+)?$")]
    private static partial Regex Suffix();
}
