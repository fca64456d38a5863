using System.Globalization;
using System.Text;

namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>
/// The training log CSV: <c>step</c>, one column per loss (the mean over the log interval) and <c>seconds</c> (wall
/// time since the run first started). Rewritten atomically with every checkpoint, so it always matches one.
/// </summary>
public sealed class TrainingLog(IReadOnlyList<string> lossNames)
{
    private readonly List<(int Step, float[] Losses, double Seconds)> _rows = [];

    public int Count => _rows.Count;

    public double LastSeconds => _rows.Count == 0 ? 0 : _rows[^1].Seconds;

    public void Add(int step, float[] losses, double seconds) => _rows.Add((step, losses, seconds));

    /// <summary>Reads rows up to <paramref name="maxStep"/> from an existing log (a missing file gives an empty log).</summary>
    /// <exception cref="InvalidDataException">A row does not have the expected columns.</exception>
    public static TrainingLog Read(string path, IReadOnlyList<string> lossNames, int maxStep)
    {
        var log = new TrainingLog(lossNames);
        if (!File.Exists(path))
        {
            return log;
        }

        var lines = File.ReadAllLines(path);
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            if (fields.Length != lossNames.Count + 2)
            {
                throw new InvalidDataException($"'{path}' line {i + 1}: expected {lossNames.Count + 2} fields, found {fields.Length}");
            }

            var step = int.Parse(fields[0], CultureInfo.InvariantCulture);
            if (step <= maxStep)
            {
                var losses = fields[1..^1].Select(f => float.Parse(f, CultureInfo.InvariantCulture)).ToArray();
                log.Add(step, losses, double.Parse(fields[^1], CultureInfo.InvariantCulture));
            }
        }

        return log;
    }

    public void Write(string path)
    {
        var text = new StringBuilder();
        text.Append("step,").Append(string.Join(',', lossNames)).Append(",seconds\n");
        foreach (var (step, losses, seconds) in _rows)
        {
            text.Append(step.ToString(CultureInfo.InvariantCulture));
            foreach (var loss in losses)
            {
                text.Append(',').Append(loss.ToString("G7", CultureInfo.InvariantCulture));
            }

            text.Append(',').Append(seconds.ToString("F3", CultureInfo.InvariantCulture)).Append('\n');
        }

        var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        try
        {
            File.WriteAllText(temporary, text.ToString());
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
