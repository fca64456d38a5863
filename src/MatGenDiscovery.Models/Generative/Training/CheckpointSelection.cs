using System.Globalization;
using System.Text;
using MatGenDiscovery.Models.Generative.Sampling;

namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>
/// Automatic checkpoint selection (<c>training.select_by</c>): at every checkpoint the model draws
/// <c>training.selection_samples</c> samples with fixed noise (the experiment's seed) and is scored; each probe is a
/// row of <c>selection.csv</c> (step, samples, decoded, distinct, valid distinct, score) and the best-scoring
/// checkpoint so far (the earliest on ties) is copied to <c>checkpoints/selected.safetensors</c>. Sampling runs in
/// eval mode without touching the training state, so selection does not change the trained weights.
/// Validity is smact14 with electronegativity balance, as in <see cref="GeneratedSet.UniqueValid"/>.
/// </summary>
public sealed class CheckpointSelection
{
    /// <summary>Score = distinct SMACT-valid (smact14) compositions per sample drawn: rewards validity and uniqueness together.</summary>
    public const string ValidUnique = "valid_unique";

    /// <summary>
    /// The most diverse checkpoint whose chemistry is as good as the data's: a probe whose valid share (valid distinct /
    /// distinct) is at least the training set's minus <see cref="ValidityMargin"/> scores 1 + distinct per sample;
    /// any other scores its valid distinct per sample (below 1), so it is chosen only when no probe reaches the bar.
    /// </summary>
    public const string UniqueAtTrainingValidity = "unique_at_training_validity";

    /// <summary>How far below the training set's valid share a probe may fall and still count as valid enough (3 points, issue 4's target).</summary>
    public const double ValidityMargin = 0.03;

    public const int DefaultSamples = 20_000;
    public const string FileName = "selection.csv";
    public const string SelectedCheckpointName = "selected.safetensors";

    private const string Header = "step,samples,decoded,distinct,valid_distinct,score";

    private readonly List<SelectionProbe> _probes;
    private readonly string _outputDirectory;
    private readonly int _samples;
    private readonly int _seed;
    private readonly Func<SelectionProbe, double> _score;

    private CheckpointSelection(string outputDirectory, int samples, int seed, Func<SelectionProbe, double> score, List<SelectionProbe> probes)
    {
        _outputDirectory = outputDirectory;
        _samples = samples;
        _seed = seed;
        _score = score;
        _probes = probes;
    }

    public static IReadOnlyList<string> Criteria { get; } = [ValidUnique, UniqueAtTrainingValidity];

    public IReadOnlyList<SelectionProbe> Probes => _probes;

    /// <summary>The best probe so far (the earliest on ties), or null before the first.</summary>
    public SelectionProbe? Best => _probes.Count == 0 ? null : _probes.MaxBy(p => (Score(p), -p.Step));

    /// <summary>A probe's score under this selection's criterion.</summary>
    public double Score(SelectionProbe probe) => _score(probe);

    /// <summary>The score function of <paramref name="criterion"/>; <paramref name="trainingValidShare"/> is only read by <see cref="UniqueAtTrainingValidity"/>.</summary>
    /// <exception cref="ArgumentException">An unknown criterion.</exception>
    public static Func<SelectionProbe, double> ScoreOf(string criterion, double trainingValidShare) => criterion switch
    {
        ValidUnique => p => p.ValidUniquePerSample,
        UniqueAtTrainingValidity => p => p.ValidShare >= trainingValidShare - ValidityMargin ? 1 + p.UniquePerSample : p.ValidUniquePerSample,
        _ => throw new ArgumentException($"unknown selection criterion '{criterion}'; expected one of {string.Join(", ", Criteria)}", nameof(criterion)),
    };

    /// <summary>A selection for a run folder, continuing the probes of steps ≤ <paramref name="startStep"/> already in <see cref="FileName"/>.</summary>
    /// <param name="score">The criterion's score (<see cref="ScoreOf"/>).</param>
    /// <exception cref="InvalidDataException">An existing <see cref="FileName"/> has a malformed row.</exception>
    public static CheckpointSelection Open(string outputDirectory, int samples, int seed, int startStep, Func<SelectionProbe, double> score)
    {
        var path = Path.Combine(outputDirectory, FileName);
        var probes = new List<SelectionProbe>();
        if (File.Exists(path))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 1; i < lines.Length; i++)
            {
                var fields = lines[i].Split(',');
                if (fields.Length != 6 || !fields[..5].All(f => int.TryParse(f, CultureInfo.InvariantCulture, out _)))
                {
                    throw new InvalidDataException($"'{path}' line {i + 1}: expected {Header}, found '{lines[i]}'");
                }

                var values = fields[..5].Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray();
                if (values[0] <= startStep)
                {
                    probes.Add(new SelectionProbe(values[0], values[1], values[2], values[3], values[4]));
                }
            }
        }

        return new CheckpointSelection(outputDirectory, samples, seed, score, probes);
    }

    /// <summary>Probes the model just checkpointed at <paramref name="checkpointPath"/>, and copies the checkpoint when it is the new best.</summary>
    public SelectionProbe Record(int step, GenerativeModel model, string checkpointPath)
    {
        var set = model.Generate(new GenerationRequest(_samples, _seed));
        var probe = new SelectionProbe(step, set.Generated, set.Decoded, set.Unique.Count, set.UniqueValid);
        _probes.RemoveAll(p => p.Step == step);
        _probes.Add(probe);
        Write();
        if (ReferenceEquals(Best, probe))
        {
            var selected = Path.Combine(Path.GetDirectoryName(checkpointPath)!, SelectedCheckpointName);
            var temporary = $"{selected}.tmp-{Guid.NewGuid():N}";
            File.Copy(checkpointPath, temporary);
            File.Move(temporary, selected, overwrite: true);
        }

        return probe;
    }

    private void Write()
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var p in _probes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Step},{p.Samples},{p.Decoded},{p.Distinct},{p.ValidDistinct},{Score(p):F6}\n");
        }

        var path = Path.Combine(_outputDirectory, FileName);
        var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }
}
