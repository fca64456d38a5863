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
/// </summary>
public sealed class CheckpointSelection
{
    /// <summary>Score = distinct SMACT-valid (smact14) compositions per sample drawn: rewards validity and uniqueness together.</summary>
    public const string ValidUnique = "valid_unique";

    public const int DefaultSamples = 20_000;
    public const string FileName = "selection.csv";
    public const string SelectedCheckpointName = "selected.safetensors";

    private const string Header = "step,samples,decoded,distinct,valid_distinct,score";

    private readonly List<SelectionProbe> _probes;
    private readonly string _outputDirectory;
    private readonly int _samples;
    private readonly int _seed;

    private CheckpointSelection(string outputDirectory, int samples, int seed, List<SelectionProbe> probes)
    {
        _outputDirectory = outputDirectory;
        _samples = samples;
        _seed = seed;
        _probes = probes;
    }

    public static IReadOnlyList<string> Criteria { get; } = [ValidUnique];

    public IReadOnlyList<SelectionProbe> Probes => _probes;

    /// <summary>The best probe so far (the earliest on ties), or null before the first.</summary>
    public SelectionProbe? Best => _probes.Count == 0 ? null : _probes.MaxBy(p => (p.Score, -p.Step));

    /// <summary>A selection for a run folder, continuing the probes of steps ≤ <paramref name="startStep"/> already in <see cref="FileName"/>.</summary>
    /// <exception cref="InvalidDataException">An existing <see cref="FileName"/> has a malformed row.</exception>
    public static CheckpointSelection Open(string outputDirectory, int samples, int seed, int startStep)
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

        return new CheckpointSelection(outputDirectory, samples, seed, probes);
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
            text.Append(CultureInfo.InvariantCulture, $"{p.Step},{p.Samples},{p.Decoded},{p.Distinct},{p.ValidDistinct},{p.Score:F6}\n");
        }

        var path = Path.Combine(_outputDirectory, FileName);
        var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }
}
